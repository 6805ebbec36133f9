"""The simulated phones of benchmarks/bench_room_load.py, run in a process of their own (spawned)
so that their CPU is not in the app's loop: aiohttp, one ``ClientSession`` (own connector, own
cookies) per phone. Each joins as a phone does (``GET /?c=`` → ``POST /join`` → ``GET /room`` for
the form token), then, at the same moment for all, posts one post-it a second (the phones spread
over the second) as the page's script does (``Accept: application/json``), and asks
``/state.json`` every 2 s as the page does (unless told not to poll); told to vote, each loads the
room's page, reads the ideas from it and gives its dots; told of the result, each loads it.

The app's process tells them where the server is and when to go on over a pipe (``conn``); they
answer with what they did, and at the end every request's time and status. Loopback only: they
refuse any other host, and stop at the deadline the app's process gives them."""

from __future__ import annotations

import asyncio
import json
import re
import time
from urllib.parse import urlsplit

BIND = "127.0.0.1"
"""The only host the phones will talk to."""
POLL_EVERY = 2.0
DOTS = 3
"""Dots per phone in the voting round."""
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
IDEA = re.compile(r'name="idea" value="([^"]+)"')


def phones_process(conn, phones: int, seconds: int, poll: bool, limit: float) -> None:
    """The phones' process (spawned): told where the server is, joins, posts, polls and votes as
    told over ``conn``."""
    if not conn.poll(limit):
        return
    _, base, code = conn.recv()
    if urlsplit(base).hostname != BIND:
        conn.send(("failed", f"not loopback: {base}"))
        return
    try:
        asyncio.run(_phones(conn, base, code, phones, seconds, poll, time.monotonic() + limit))
    except Exception as error:  # noqa: BLE001 - told to the app's process, which prints it
        conn.send(("failed", f"{type(error).__name__}: {error}"))


async def _phones(conn, base, code, phones, seconds, poll, deadline) -> None:
    import aiohttp

    samples: list[tuple[str, float, int, str]] = []  # kind, ms, status, error ("" ok)
    ok_texts: list[str] = []
    late: list[float] = []
    gives = [0]
    csrf = [""] * phones
    timeout = aiohttp.ClientTimeout(total=10)
    sessions = [aiohttp.ClientSession(base, cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=timeout)
                for _ in range(phones)]

    async def ask(i: int, kind: str, method: str, path: str, data: dict | None = None):
        start = time.perf_counter()
        headers = {} if kind == "page" else {"Accept": "application/json"}
        try:
            async with sessions[i].request(method, path, data=data, headers=headers, allow_redirects=False) as r:
                text, status = await r.text(), r.status
        except (aiohttp.ClientError, TimeoutError) as error:
            samples.append((kind, (time.perf_counter() - start) * 1000, 0, type(error).__name__))
            return 0, None
        body = json.loads(text) if text.startswith("{") else text
        ok = status == 200 and (not isinstance(body, dict) or body.get("ok", True))
        error = "" if ok else (str(body.get("error")) if isinstance(body, dict) else f"HTTP {status}")
        samples.append((kind, (time.perf_counter() - start) * 1000, status, error))
        return (status if ok else -status), body

    async def told(what: str) -> None:
        while not await asyncio.to_thread(conn.poll, 0.5):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {what!r} from the app before the deadline")
        if (got := conn.recv()) != what:
            raise RuntimeError(f"expected {what!r}, got {got!r}")

    async def join(i: int) -> bool:
        _, page = await ask(i, "page", "GET", f"/?c={code}")
        found = CSRF.search(page) if isinstance(page, str) else None
        if found is None:
            return False
        status, _ = await ask(i, "join", "POST", "/join", {"c": code, "csrf": found[1], "name": f"Telefon {i + 1}"})
        if status != 200:
            return False
        _, page = await ask(i, "page", "GET", f"/room?c={code}")
        found = CSRF.search(page) if isinstance(page, str) else None
        csrf[i] = found[1] if found else ""
        return bool(found)

    async def posting(i: int, go: float) -> None:
        for k in range(seconds):
            at = go + i / phones + k
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            if time.monotonic() > deadline:
                return
            late.append((time.monotonic() - at) * 1000)
            text = f"Telefon {i + 1:03d}, post-it {k + 1:03d}: kortere ventetid på hjælpemidler"
            status, _ = await ask(i, "postit", "POST", "/postit", {"c": code, "csrf": csrf[i], "text": text})
            if status == 200:
                ok_texts.append(text)

    async def polling(i: int, go: float) -> None:
        k = 0
        while time.monotonic() < deadline:
            await asyncio.sleep(max(0.0, go + POLL_EVERY * (i / phones + k) - time.monotonic()))
            await ask(i, "state", "GET", f"/state.json?c={code}")
            k += 1

    async def voting(i: int) -> None:
        _, page = await ask(i, "page", "GET", f"/room?c={code}")
        ideas = list(dict.fromkeys(IDEA.findall(page))) if isinstance(page, str) else []
        for n in range(min(DOTS, len(ideas))):
            idea = ideas[(i + n) % len(ideas)]
            status, _ = await ask(i, "vote", "POST", "/vote", {"c": code, "csrf": csrf[i], "idea": idea, "op": "give"})
            gives[0] += status == 200

    try:
        joined = await asyncio.gather(*(join(i) for i in range(phones)))
        conn.send(("joined", sum(joined)))
        await told("go")
        go = time.monotonic()
        pollers = [asyncio.create_task(polling(i, go)) for i in range(phones)] if poll else []
        await asyncio.gather(*(posting(i, go) for i in range(phones) if csrf[i]))
        conn.send(("posted", time.monotonic() - go))
        await told("vote")
        await asyncio.gather(*(voting(i) for i in range(phones) if csrf[i]))
        conn.send(("voted", gives[0]))
        await told("result")
        await asyncio.gather(*(ask(i, "page", "GET", f"/room?c={code}") for i in range(phones) if csrf[i]))
        for task in pollers:
            task.cancel()
        await asyncio.gather(*pollers, return_exceptions=True)
    finally:
        await asyncio.gather(*(s.close() for s in sessions))
    conn.send(("done", {"samples": samples, "ok_texts": ok_texts, "late": late, "gives": gives[0]}))
