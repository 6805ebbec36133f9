// The phone page, live: the clock counts down each second, /state.json is asked every 2 s (a
// new activity or mode reloads the page), and the forms are sent with fetch so the lists update
// (the post-it's box empties when Send is pressed; a refused or lost post-it comes back into it). Without this script every form still works (303 back to /room).
// When the room is over (an answer says "ended") the page says the workshop has ended and stops asking.
(function () {
  "use strict";
  var body = document.body;
  var code = body.getAttribute("data-code");
  if (!code) { return; } // the join form and refusals: nothing live
  var mode = body.getAttribute("data-mode");
  var title = body.getAttribute("data-title");
  var given = body.getAttribute("data-seconds");
  var seconds = given === "" ? null : parseFloat(given);
  var paused = body.getAttribute("data-paused") === "1";
  var timeEl = document.getElementById("time");
  var pausedEl = document.getElementById("paused");
  var notice = document.getElementById("notice");

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function clockText(s) { // as the app's clock_text: mm:ss rounded up, an overrun as -mm:ss
    var whole, sign = "";
    if (s > 0) { whole = Math.ceil(s); } else { whole = Math.floor(-s); if (whole > 0) { sign = "-"; } }
    return sign + two(Math.floor(whole / 60)) + ":" + two(whole % 60);
  }
  function showTime() {
    if (timeEl && seconds !== null) { timeEl.textContent = clockText(seconds); }
    if (pausedEl) { pausedEl.hidden = !paused; }
  }
  function say(text) {
    if (!notice) { return; }
    notice.textContent = text || "";
    notice.hidden = !text;
  }
  function ask(url, options) {
    options.headers = { "Accept": "application/json" };
    options.credentials = "same-origin";
    options.cache = "no-store";
    return fetch(url, options).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; },
        function () { return { ok: false, data: { error: body.getAttribute("data-failed") } }; });
    });
  }

  var ticking = setInterval(function () {
    if (seconds !== null && !paused) { seconds -= 1; showTime(); }
  }, 1000);

  var missed = 0; // polls in a row that reached nobody: the laptop stopped sharing or left the network
  var polling = null;

  function showEnded(data) { // the room is over: said in place of the page, and nothing is asked any more
    clearInterval(ticking);
    clearInterval(polling);
    var main = document.querySelector("main");
    while (main.firstChild) { main.removeChild(main.firstChild); }
    var heading = document.createElement("h1");
    heading.id = "ended";
    heading.textContent = data.heading || "";
    var text = document.createElement("p");
    text.className = "note";
    text.textContent = data.text || "";
    main.appendChild(heading);
    main.appendChild(text);
    body.removeAttribute("data-code");
    body.setAttribute("data-mode", "ended");
  }

  polling = setInterval(function () {
    ask("/state.json?c=" + encodeURIComponent(code), { method: "GET" }).then(function (answer) {
      if (missed >= 2) { say(""); }
      missed = 0;
      if (answer.data.ended) { showEnded(answer.data); return; }
      if (!answer.ok) { say(answer.data.error); return; }
      var state = answer.data;
      if (state.mode !== mode || state.title !== title) { window.location.reload(); return; }
      seconds = state.seconds_left;
      paused = state.paused;
      showTime();
      var left = document.getElementById("left");
      if (left && state.left_text) { left.textContent = state.left_text; }
    }).catch(function () { // the laptop may be gone for a moment: try again in 2 s, say so after two misses
      missed += 1;
      if (missed >= 2) { say(body.getAttribute("data-lost")); }
    });
  }, 2000);

  function showPostits(texts, more) { // the latest only, and "and N more" when there are more
    var list = document.getElementById("postits");
    var none = document.getElementById("no-postits");
    var moreEl = document.getElementById("more-postits");
    if (!list) { return; }
    if (moreEl) { moreEl.textContent = more || ""; moreEl.hidden = !more; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    texts.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    if (none) { none.hidden = texts.length > 0; }
  }
  function showDots(own, leftText) {
    document.querySelectorAll("li.idea").forEach(function (item) {
      var count = item.querySelector(".own");
      if (count) { count.textContent = String(own[item.getAttribute("data-idea")] || 0); }
    });
    var left = document.getElementById("left");
    if (left && leftText) { left.textContent = leftText; }
  }

  document.querySelectorAll("form.live").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      if (button) { button.disabled = true; }
      // The form's data first, then the box emptied at once: what is typed while the answer is on
      // its way (slow Wi-Fi) is the next post-it and is never wiped by this one's answer.
      var data = new URLSearchParams(new FormData(form));
      var text = form.querySelector("textarea");
      var sent = text ? text.value : "";
      if (text) { text.value = ""; text.focus(); }
      function putBack() { // refused or lost: the sent text again, before anything typed since
        if (!text || !sent) { return; }
        text.value = text.value ? sent + "\n" + text.value : sent;
        sent = "";
      }
      ask(form.getAttribute("action"), { method: "POST", body: data }).then(function (answer) {
        if (answer.data.ended) { showEnded(answer.data); return; }
        if (!answer.ok) { putBack(); say(answer.data.error); return; }
        say("");
        if (answer.data.postits) { showPostits(answer.data.postits, answer.data.more); }
        if (answer.data.own) { showDots(answer.data.own, answer.data.left_text); }
      }).catch(function () { // nobody answered (a refusal comes back as an answer): the connection
        putBack();
        say(body.getAttribute("data-lost"));
      }).then(function () {
        if (button) { button.disabled = false; }
      });
    });
  });
})();
