"""The figures of benchmarks/bench_room_load.py: one run's table from what the phones' process
(room_phones.py) and the app's process measured, and the runs side by side (``--runs``,
``--scale``)."""

from __future__ import annotations

import statistics


def _pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def _row(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<26} (none)"
    return (f"  {label:<26} {len(values):6d} {statistics.median(values):8.1f} {_pct(values, 95):8.1f}"
            f" {_pct(values, 99):8.1f} {max(values):8.1f}")


def report(out: dict) -> dict[str, float]:
    """Print one run's table; its headline figures."""
    samples = out["samples"]
    by_kind = {kind: [ms for k, ms, _, _ in samples if k == kind] for kind in ("postit", "state", "vote", "join", "page")}
    refused: dict[str, int] = {}
    for kind, _, status, error in samples:
        if error:
            key = f"{kind} {status or 'no answer'}: {error[:60]}"
            refused[key] = refused.get(key, 0) + 1
    sent, ok = len(by_kind["postit"]), set(out["ok_texts"])
    project, saved = out["in project"], out["saved"]
    lost = len(ok - set(project)), len(ok - set(saved))
    extra = len(set(project) - ok)
    print(f"\n{out['phones']} phones × 1 post-it/s for {out['seconds']} s (load took {out['load seconds']:.1f} s),"
          f" joined {out['joined']}/{out['phones']}; one run, every request and key a sample")
    print(f"  post-its sent {sent}, answered ok {len(ok)}, refused or failed {sent - len(ok)};"
          f" in the project {len(project)}, in the saved file {len(saved)};"
          f" lost (ok but missing) {lost[0]} in the project, {lost[1]} in the file; not answered ok but kept {extra}")
    print(f"  dots answered ok {out['gives ok']}, in the revealed result {out['revealed dots']}")
    for key, count in sorted(refused.items()):
        print(f"  refused/failed: {count} × {key}")
    if any(status == 500 for _, _, status, _ in samples):
        from borgerspil_tui.web.server import ERRORS

        print("  the server's last error:", *(ERRORS.records[-1].splitlines()[-3:] if ERRORS.records else ["?"]))
    if not out["late"] or not by_kind["postit"]:
        print("  no post-it was sent: no figures")
        return {}
    print(f"  phones posting late vs. their schedule: median {statistics.median(out['late']):.1f} ms,"
          f" max {max(out['late']):.1f} ms")
    print(f"  {'response time, ms':<26} {'n':>6} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}   (target p95 < 200)")
    for kind, values in by_kind.items():
        print(_row(kind, values))
    load = by_kind["postit"] + by_kind["state"]
    print(_row("post-its + state (load)", load))
    before, during, after = (out[f"keys {when}"] for when in ("before", "during", "after"))
    ratios = {}
    for measure, title in (("wall", "key → painted, wall ms"), ("handled", "key → in the field, ms")):
        print(f"  {title:<26} {'n':>6} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}"
              + ("   CPU ms median   (target: during ≤ 2× before)" if measure == "wall" else ""))
        for label, got in (("no load, before", before), ("during the load", during), ("no load, after", after)):
            cpu = f"{statistics.median(got['cpu']):8.2f}" if label != "during the load" else "   (shared)"
            print(_row(label, got[measure]) + (f"   {cpu}   missed {got['missed'][0]}" if measure == "wall" else ""))
        ratios[measure] = (statistics.median(during[measure]) / statistics.median(before[measure]),
                           _pct(during[measure], 95) / _pct(before[measure], 95))
        print(f"  during / before: median {ratios[measure][0]:.2f}×, p95 {ratios[measure][1]:.2f}×")
    rss = out["rss"]
    print(f"  app process: {out['cpu share'] * 100:.0f}% of a core during the load; RSS {rss[0]:.0f} MB before the load,"
          f" {rss[1]:.0f} MB after (+{rss[1] - rss[0]:.0f} MB), peak {rss[2]:.0f} MB; saved file {out['file kB']:.0f} kB;"
          f" autosave wrote the file {out['saves during']} times during the load")
    return {"p50": statistics.median(by_kind["postit"]), "p95": _pct(by_kind["postit"], 95),
            "p99": _pct(by_kind["postit"], 99), "max": max(by_kind["postit"]), "lost": lost[0] + lost[1],
            "refused": sent - len(ok), "painted before": statistics.median(before["wall"]),
            "painted during": statistics.median(during["wall"]), "painted ratio": ratios["wall"][0],
            "handled before": statistics.median(before["handled"]),
            "handled during": statistics.median(during["handled"]), "handled ratio": ratios["handled"][0]}


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})"


def print_growth(growth: dict[int, list[dict[str, float]]], seconds: int) -> None:
    """The headline figures of several runs (``report``'s, by the number of phones): the median of
    the runs and the spread (fastest–slowest run)."""
    print(f"\nPost-it response ms and keys, median of runs (fastest–slowest run), {seconds} s each:")
    keys = [f"{what} {when}" for what in ("painted", "handled") for when in ("before", "during", "ratio")]
    print(f"  {'phones':>6} {'runs':>4} {'post-it median':>15} {'p95':>15} {'p99':>15}"
          + "".join(f" {'key ' + key:>19}" for key in keys) + "  lost refused")
    for phones, figures in growth.items():
        f = {key: [run[key] for run in figures] for key in figures[0]}
        print(f"  {phones:6d} {len(figures):4d} {_spread(f['p50']):>15} {_spread(f['p95']):>15} {_spread(f['p99']):>15}"
              + "".join(f" {_spread(f[key]):>19}" for key in keys) + f"  {sum(f['lost']):4.0f} {sum(f['refused']):7.0f}")
