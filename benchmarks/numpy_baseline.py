#!/usr/bin/env python3
"""A straightforward vectorised numpy implementation of the payback model (docs/model.md section 2) for
scenario B (scenarios/b_consumer_goods_multichannel.yaml, parameters written out below), as a
yardstick for `payback simulate --format json`: the same trials, months, options, headline statistics,
thresholds, decision matrix, P(best), and the sensitivity analysis (Spearman, tornado deciles, EVPI
and 20-bin EVPPI per uncertain input). Writes one JSON file. numpy only.

    python3 benchmarks/numpy_baseline.py --trials 500000 --out /tmp/numpy-summary.json

Not bit-for-bit the simulator's numbers (different random streams; rank correlations induced by
Iman-Conover reordering instead of the simulator's copula), but the same amount of work per trial.
"""
import argparse
import json
import math
import sys

import numpy as np

Z95 = 1.6448536269514722
H = 36
DISCOUNT = 0.10
SEASON = np.array([0.9, 0.85, 0.95, 1, 1, 0.95, 0.9, 1, 1.05, 1.1, 1.3, 1.5])
HOURS_PER_FTE = 2080.0
CHANNELS, PATHS, COMPLEXITY = 3, 3, 4
CONFIDENCE = 0.8
CHUNK = 50_000


def pert(rng, n, lo, mode, hi):
    a = 1 + 4 * (mode - lo) / (hi - lo)
    b = 1 + 4 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, n)


def ci90(rng, n, lo, hi):
    mu = (math.log(lo) + math.log(hi)) / 2
    sigma = (math.log(hi) - math.log(lo)) / (2 * Z95)
    return rng.lognormal(mu, sigma, n)


def uniform(rng, n, lo, hi):
    return rng.uniform(lo, hi, n)


def draw_inputs(rng, n):
    x = {
        "business.orders_per_month": pert(rng, n, 9000, 12000, 16000),
        "business.annual_growth": pert(rng, n, 0.0, 0.15, 0.35),
        "business.average_order_value": pert(rng, n, 38, 45, 55),
        "business.gross_margin": uniform(rng, n, 0.35, 0.45),
        "business.loaded_labor_cost_per_hour": ci90(rng, n, 28, 42),
        "business.inventory_accuracy": pert(rng, n, 0.88, 0.93, 0.97),
        "pain.exception_rate": pert(rng, n, 0.03, 0.12, 0.24),
        "pain.minutes_per_exception": ci90(rng, n, 6, 20),
        "pain.expedite_share_of_exceptions": pert(rng, n, 0.05, 0.12, 0.25),
        "pain.expedite_fee": ci90(rng, n, 9, 30),
        "pain.cancellation_rate": pert(rng, n, 0.005, 0.012, 0.03),
        "pain.churn_share_of_cancellations": uniform(rng, n, 0.1, 0.3),
        "pain.customer_lifetime_margin": ci90(rng, n, 40, 160),
        "pain.tickets_per_exception": pert(rng, n, 0.2, 0.4, 0.7),
        "pain.cost_per_ticket": ci90(rng, n, 4, 9),
        "pain.reconciliation_hours_per_week": pert(rng, n, 6, 12, 25),
        "pain.excess_inventory_value": ci90(rng, n, 80000, 300000),
        "pain.carrying_cost_rate": uniform(rng, n, 0.18, 0.28),
        "pain.write_offs_per_year": ci90(rng, n, 5000, 30000),
        "pain.other.marketplace_penalties": ci90(rng, n, 2000, 15000),
        "pain.events.peak_oversell_incident.cost": ci90(rng, n, 20000, 90000),
        "options.operate.one_time_cost": pert(rng, n, 15000, 25000, 45000),
        "options.operate.annual_cost": pert(rng, n, 5000, 8000, 12000),
        "options.operate.implementation_months": pert(rng, n, 1, 2, 3),
        "options.operate.effects.exception_rate": pert(rng, n, 0.05, 0.15, 0.25),
        "options.operate.effects.cancellation_rate": pert(rng, n, 0.1, 0.2, 0.35),
        "options.operate.effects.write_offs_per_year": pert(rng, n, 0.1, 0.2, 0.3),
        "options.orchestrate.one_time_cost": pert(rng, n, 60000, 90000, 140000),
        "options.orchestrate.annual_cost": pert(rng, n, 36000, 48000, 66000),
        "options.orchestrate.per_order_fee": pert(rng, n, 0.03, 0.05, 0.08),
        "options.orchestrate.implementation_months": pert(rng, n, 2, 3, 5),
        "options.orchestrate.ramp_months": pert(rng, n, 1, 2, 4),
        "options.orchestrate.effects.exception_rate": pert(rng, n, 0.25, 0.40, 0.55),
        "options.orchestrate.effects.cancellation_rate": pert(rng, n, 0.25, 0.45, 0.65),
        "options.orchestrate.effects.expedite_share_of_exceptions": pert(rng, n, 0.1, 0.3, 0.5),
        "options.orchestrate.effects.reconciliation_hours_per_week": pert(rng, n, 0.4, 0.65, 0.85),
        "options.orchestrate.effects.excess_inventory_value": pert(rng, n, 0.1, 0.2, 0.35),
        "options.orchestrate.effects.marketplace_penalties": pert(rng, n, 0.2, 0.4, 0.6),
        "options.orchestrate.effects.peak_oversell_incident": pert(rng, n, 0.3, 0.6, 0.8),
    }
    # Spearman correlations by Iman-Conover reordering: marginals kept exactly
    names = ["pain.exception_rate", "pain.cancellation_rate", "pain.tickets_per_exception"]
    rho = np.array([[1, 0.6, 0.3], [0.6, 1, 0], [0.3, 0, 1]])
    pearson = 2 * np.sin(np.pi * rho / 6)
    z = rng.standard_normal((n, 3)) @ np.linalg.cholesky(pearson).T
    for j, name in enumerate(names):
        x[name] = np.sort(x[name])[np.argsort(np.argsort(z[:, j]))]
    events = rng.random((n, math.ceil(H / 12))) < 0.3
    failed = rng.random(n) < 0.15
    return x, events, failed


OPTIONS = [
    dict(id="operate", ramp=None, ramp_fixed=2.0, dip=0.0, fee=None, effects={
        "e": "exception_rate", "c": "cancellation_rate", "W": "write_offs_per_year"}),
    dict(id="orchestrate", ramp="ramp_months", ramp_fixed=None, dip=0.3, fee="per_order_fee", effects={
        "e": "exception_rate", "c": "cancellation_rate", "x": "expedite_share_of_exceptions",
        "h": "reconciliation_hours_per_week", "V": "excess_inventory_value", "mp": "marketplace_penalties",
        "ev": "peak_oversell_incident"}),
]


def simulate(x, events, failed, sl):
    """Monthly model for the trials in slice sl: returns per-trial headline columns."""
    g = lambda k: x[k][sl][:, None]
    m = np.arange(1, H + 1)[None, :]
    orders = g("business.orders_per_month") * (1 + g("business.annual_growth")) ** ((m - 1) / 12) \
        * SEASON[(m - 1) % 12]
    w = g("business.loaded_labor_cost_per_hour")
    aov, gm = g("business.average_order_value"), g("business.gross_margin")
    d = dict(e=g("pain.exception_rate"), t=g("pain.minutes_per_exception"),
             x=g("pain.expedite_share_of_exceptions"), f=g("pain.expedite_fee"), c=g("pain.cancellation_rate"),
             k=g("pain.churn_share_of_cancellations"), L=g("pain.customer_lifetime_margin"),
             s=g("pain.tickets_per_exception"), q=g("pain.cost_per_ticket"),
             h=g("pain.reconciliation_hours_per_week"), V=g("pain.excess_inventory_value"),
             rho=g("pain.carrying_cost_rate"), W=g("pain.write_offs_per_year"),
             mp=g("pain.other.marketplace_penalties"), ev=g("pain.events.peak_oversell_incident.cost"))
    year = (m - 1) // 12
    ev_on = events[sl][:, year.ravel()]

    def pain(p):
        labor = orders * p["e"] * p["t"] / 60 * w
        return (labor + orders * p["e"] * p["x"] * p["f"] + orders * p["c"] * (aov * gm + p["k"] * p["L"])
                + orders * p["e"] * p["s"] * p["q"] + p["h"] * 52 / 12 * w + p["V"] * p["rho"] / 12
                + p["W"] / 12 + p["mp"] / 12 + ev_on * p["ev"] / 12), labor

    base, labor = pain(d)
    first12 = base[:, :12].sum(axis=1)
    revenue = (orders[:, :12] * aov).sum(axis=1)
    out = dict(pain=first12, revenue=revenue, share=first12 / revenue,
               fte=first12 / (w[:, 0] * HOURS_PER_FTE))
    disc = (1 + DISCOUNT) ** (-m / 12)
    for o in OPTIONS:
        p = "options." + o["id"] + "."
        keep = np.where(failed[sl], 0.4, 1.0)[:, None] if o["id"] == "orchestrate" else 1.0
        reduced = dict(d)
        for key, eff in o["effects"].items():
            reduced[key] = d[key] * (1 - g(p + "effects." + eff) * keep)
        after, _ = pain(reduced)
        benefit = base - after
        D = g(p + "implementation_months")
        R = g(p + o["ramp"]) if o["ramp"] else o["ramp_fixed"]
        a = np.where(m <= D, 0.0, np.minimum(1.0, (m - D) / R))
        fee = g(p + o["fee"]) if o["fee"] else 0.0
        dip = np.where(m == np.floor(D) + 1, o["dip"] * labor, 0.0)
        costs = g(p + "annual_cost") / 12 + fee * orders * a + dip
        net = a * benefit - costs
        C = x[p + "one_time_cost"][sl]
        cum = np.cumsum(net, axis=1) - C[:, None]
        paid = cum >= 0
        month = np.where(paid.any(axis=1), paid.argmax(axis=1) + 1, 0)
        out[o["id"]] = dict(
            npv=-C + (net * disc).sum(axis=1), month=month,
            roi=((a * benefit).sum(axis=1) - costs.sum(axis=1) - C) / (C + costs.sum(axis=1)),
            first_year_cost=C + costs[:, :12].sum(axis=1),
            cum={t: cum[:, t - 1] for t in (3, 6, 12)},
            max_before={t: (cum[:, :t] + C[:, None]).max(axis=1) for t in (3, 6, 12)})
    return out


def stats(v):
    p = np.percentile(v, [5, 10, 25, 50, 75, 90, 95])
    return dict(mean=float(v.mean()), sd=float(v.std(ddof=1)), p5=p[0], p10=p[1], p25=p[2], p50=p[3], p75=p[4],
                p90=p[5], p95=p[6], min=float(v.min()), max=float(v.max()))


def ranks(v):
    r = np.empty(len(v))
    r[np.argsort(v, kind="stable")] = np.arange(1, len(v) + 1)
    return r - (len(v) + 1) / 2


def score(cat, bounds, v, higher_is_worse=True):
    return 1 + np.searchsorted(bounds, v, side="right" if higher_is_worse else "left")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="numpy-summary.json")
    args = ap.parse_args()
    n = args.trials
    rng = np.random.default_rng(args.seed)
    x, events, failed = draw_inputs(rng, n)

    parts = [simulate(x, events, failed, slice(i, min(n, i + CHUNK))) for i in range(0, n, CHUNK)]
    cat = lambda f: np.concatenate([f(p) for p in parts])
    pain, revenue, share, fte = (cat(lambda p, k=k: p[k]) for k in ("pain", "revenue", "share", "fte"))
    summary = dict(scenario="Consumer goods SMB on Shopify, Amazon and wholesale", trials=n, seed=args.seed,
                   currency="USD", horizon_months=H, annualized_pain=stats(pain), pain_share_of_revenue=stats(share),
                   pain_fte=stats(fte), revenue=stats(revenue))
    e = x["pain.exception_rate"]
    summary["thresholds"] = dict(
        pain_share_ge_1_5pct=float((share >= 0.015).mean()), pain_share_ge_3pct=float((share >= 0.03).mean()),
        pain_share_ge_5pct=float((share >= 0.05).mean()), fte_ge_1=float((fte >= 1).mean()),
        fte_ge_2=float((fte >= 2).mean()), exception_rate_ge_10pct=float((e >= 0.10).mean()),
        exception_rate_ge_15pct=float((e >= 0.15).mean()),
        inventory_accuracy_lt_95pct=float((x["business.inventory_accuracy"] < 0.95).mean()),
        reconciliation_ge_10pct_of_week=float((x["pain.reconciliation_hours_per_week"] >= 4).mean()),
        fulfillment_paths_ge_2=PATHS >= 2)
    npv = []
    summary["options"] = {}
    for o in OPTIONS:
        col = lambda k, sub=None, oid=o["id"]: cat(lambda p: p[oid][k] if sub is None else p[oid][k][sub])
        v = col("npv")
        npv.append(v)
        month = col("month")
        fyc = col("first_year_cost")
        summary["options"][o["id"]] = dict(
            npv=stats(v), roi=stats(col("roi")), first_year_cost=stats(fyc),
            cumulative_net={t: stats(col("cum", t)) for t in (3, 6, 12)},
            payback_probability={t: float(((month > 0) & (month <= t)).mean()) for t in (3, 6, 12)},
            payback_month=stats(month[month > 0]) if (month > 0).any() else None,
            p_no_payback=float((month == 0).mean()), p_npv_negative=float((v < 0).mean()),
            p_pain_exceeds_first_year_cost=float((pain > fyc).mean()),
            max_one_time_cost={t: float(np.quantile(col("max_before", t), 1 - CONFIDENCE)) for t in (3, 6, 12)},
            payback_confidence=CONFIDENCE, one_time_cost=stats(x["options." + o["id"] + ".one_time_cost"]))
    allnpv = np.vstack([np.zeros(n)] + npv)
    best = allnpv.argmax(axis=0)
    summary["p_best"] = {name: float((best == k).mean())
                         for k, name in enumerate(["status_quo"] + [o["id"] for o in OPTIONS])}
    sc = (COMPLEXITY + score(None, [0.05, 0.10, 0.15, 0.25], e)
          + (6 - score(None, [0.88, 0.92, 0.95, 0.98], x["business.inventory_accuracy"]))
          + 4 + score(None, [0.5, 1, 2, 4], fte) + score(None, [0.01, 0.015, 0.03, 0.05], share))
    summary["decision"] = dict(score=stats(sc.astype(float)), verdict_probability=dict(
        operate=float((sc < 15).mean()), pilot=float(((sc >= 15) & (sc <= 22)).mean()),
        orchestrate=float((sc > 22).mean())))

    # sensitivity and value of information
    best_mean = max(0.0, max(float(v.mean()) for v in npv))
    evpi = float(np.maximum(0, allnpv.max(axis=0)).mean()) - best_mean
    npv_ranks = [ranks(v) for v in npv]
    sens = {o["id"]: [] for o in OPTIONS}
    evppi = []
    d = max(1, n // 10)
    edges = [(b * n) // 20 for b in range(21)]
    for name, v in x.items():
        order = np.argsort(v, kind="stable")
        xr = np.empty(n)
        xr[order] = np.arange(1, n + 1)
        xr -= (n + 1) / 2
        for k, o in enumerate(OPTIONS):
            rho_s = float(xr @ npv_ranks[k] / math.sqrt((xr @ xr) * (npv_ranks[k] @ npv_ranks[k])))
            sv = npv[k][order]
            sens[o["id"]].append(dict(input=name, spearman=rho_s, tornado_low=float(sv[:d].mean()),
                                      tornado_high=float(sv[-d:].mean())))
        binned = 0.0
        for b in range(20):
            idx = order[edges[b]:edges[b + 1]]
            binned += max(0.0, max(float(v2[idx].mean()) for v2 in npv)) * len(idx)
        evppi.append(dict(input=name, evppi=max(0.0, binned / n - best_mean)))
    for k in sens:
        sens[k].sort(key=lambda en: -abs(en["tornado_high"] - en["tornado_low"]))
        summary["options"][k]["sensitivity"] = sens[k]
    evppi.sort(key=lambda en: -en["evppi"])
    summary["value_of_information"] = dict(evpi=evpi, per_input=evppi)

    with open(args.out, "w") as f:
        json.dump(summary, f, indent=2, default=float)
    print(f"wrote {args.out}: {n:,} trials, P(best) {summary['p_best']}", file=sys.stderr)


if __name__ == "__main__":
    main()
