#!/usr/bin/env python3
"""A straightforward vectorised numpy implementation of the payback model for scenario B
(scenarios/b_consumer_goods_multichannel.yaml, parameters written out below), as a yardstick for
`payback simulate --format json`: it computes what that command's summary.json holds for scenario B.

  - docs/model.md section 2: the inputs (clamped into their domains), the rank correlations, the
    months, both options' pain, benefit, adoption, cash flow and figures, P(best), the headline
    statistics; section 3 thresholds; section 4 decision matrix;
  - section 7: the staged rollout orchestrate_staged on the same trials as its big-bang twin (the
    pilot scope's adoption and costs, the gate's two binomial draws, go/stop, expansion or stop cost,
    the rest's ramp and dip), with every option figure, P(best) among four strategies, and the gate
    (P(go), false go, false stop, observed reduction, value of staging);
  - section 8: the five KPIs of the status quo and of every strategy at months 3, 6 and 12 (STATS)
    and the options' checklist values;
  - section 9 scorecard scores, section 10 recommendation, the five tests, the inputs' P10/P50/P90
    and clamped shares, year-one benefit, the payback bar, standard errors (docs/model-notes.md);
  - sensitivity per strategy (Spearman, tornado deciles) and value of information (EVPI, 20-bin
    EVPPI per uncertain input, over the three strategies).

Like payback beyond its retention line (250,000 trials for scenario B, docs/model-notes.md "Scale"),
means, sd, min, max and every probability are over all trials, while percentiles, checklist values,
max one-time costs, year-one benefit and sensitivity come from a uniform random subset of about
--retain trials (--retain 0: every trial). Loops run over months only inside numpy, and over
options, checkpoints and inputs in Python; never over trials. Writes one JSON file. numpy only.

    python3 benchmarks/numpy_baseline.py --trials 500000 --out /tmp/numpy-summary.json

Not bit-for-bit the simulator's numbers (different random streams; rank correlations induced by
Iman-Conover reordering instead of the simulator's copula; numpy's own binomial sampler), but the
same model and the same amount of work per trial; its figures agree with payback's within Monte
Carlo error.
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
CHANNELS, PATHS, COMPLEXITY, READINESS = 3, 3, 4, 3
CONFIDENCE = 0.8          # decision.payback_confidence q
BAR = 12                  # decision.payback_months T* (default)
CHECKPOINTS = (3, 6, 12)
CHUNK = 10_000            # trials per block of the month arrays (36 months x 10,000 trials: 2.9 MB each)
RETAIN = 250_000          # payback's retention line for scenario B (docs/model-notes.md "Scale")
EVENT_PROBABILITY = 0.3
FAILURE_PROBABILITY, FAILURE_BENEFIT_SHARE = 0.15, 0.4
# options.orchestrate.stages (docs/model.md section 7)
PILOT_SHARE, PILOT_MONTHS, STOP_COST, TARGET = 0.25, 3, 5000.0, 0.30
WEIGHTS = dict(implementation_speed=0.30, integration_quality=0.20, rule_flexibility=0.15, reporting_depth=0.10,
               support_quality=0.25)
SCORECARDS = dict(
    operate=dict(implementation_speed=5, integration_quality=4, rule_flexibility=2, reporting_depth=2,
                 support_quality=3),
    orchestrate=dict(implementation_speed=3, integration_quality=4, rule_flexibility=5, reporting_depth=4,
                     support_quality=4))
KPIS = ("exception_rate", "labor_cost_per_order", "margin_leakage", "cash_in_excess_inventory", "pain_per_order")
UNIT, POSITIVE, NONNEG, GROWTH = (0.0, 1.0), (1e-15, np.inf), (0.0, np.inf), (-1.0, np.inf)

# Every scenario input in payback's order: path, notation, distribution (or a plain number), domain.
INPUTS = [
    ("business.orders_per_month", ("pert", 9000, 12000, 16000), POSITIVE),
    ("business.annual_growth", ("pert", 0.0, 0.15, 0.35), GROWTH),
    ("business.average_order_value", ("pert", 38, 45, 55), POSITIVE),
    ("business.gross_margin", ("uniform", 0.35, 0.45), UNIT),
    ("business.loaded_labor_cost_per_hour", ("ci90", 28, 42), POSITIVE),
    ("business.inventory_accuracy", ("pert", 0.88, 0.93, 0.97), UNIT),
    ("pain.exception_rate", ("pert", 0.03, 0.12, 0.24), UNIT),
    ("pain.minutes_per_exception", ("ci90", 6, 20), NONNEG),
    ("pain.expedite_share_of_exceptions", ("pert", 0.05, 0.12, 0.25), UNIT),
    ("pain.expedite_fee", ("ci90", 9, 30), NONNEG),
    ("pain.cancellation_rate", ("pert", 0.005, 0.012, 0.03), UNIT),
    ("pain.churn_share_of_cancellations", ("uniform", 0.1, 0.3), UNIT),
    ("pain.customer_lifetime_margin", ("ci90", 40, 160), NONNEG),
    ("pain.tickets_per_exception", ("pert", 0.2, 0.4, 0.7), NONNEG),
    ("pain.cost_per_ticket", ("ci90", 4, 9), NONNEG),
    ("pain.reconciliation_hours_per_week", ("pert", 6, 12, 25), NONNEG),
    ("pain.excess_inventory_value", ("ci90", 80000, 300000), NONNEG),
    ("pain.carrying_cost_rate", ("uniform", 0.18, 0.28), UNIT),
    ("pain.write_offs_per_year", ("ci90", 5000, 30000), NONNEG),
    ("pain.other.marketplace_penalties", ("ci90", 2000, 15000), NONNEG),
    ("pain.events.peak_oversell_incident.probability", EVENT_PROBABILITY, UNIT),
    ("pain.events.peak_oversell_incident.cost", ("ci90", 20000, 90000), NONNEG),
    ("options.operate.one_time_cost", ("pert", 15000, 25000, 45000), NONNEG),
    ("options.operate.annual_cost", ("pert", 5000, 8000, 12000), NONNEG),
    ("options.operate.per_order_fee", 0, NONNEG),
    ("options.operate.implementation_months", ("pert", 1, 2, 3), NONNEG),
    ("options.operate.ramp_months", 2, NONNEG),
    ("options.operate.go_live_dip", 0, NONNEG),
    ("options.operate.failure_probability", 0, UNIT),
    ("options.operate.failure_benefit_share", 0, UNIT),
    ("options.operate.effects.exception_rate", ("pert", 0.05, 0.15, 0.25), UNIT),
    ("options.operate.effects.cancellation_rate", ("pert", 0.1, 0.2, 0.35), UNIT),
    ("options.operate.effects.write_offs_per_year", ("pert", 0.1, 0.2, 0.3), UNIT),
    ("options.orchestrate.one_time_cost", ("pert", 60000, 90000, 140000), NONNEG),
    ("options.orchestrate.annual_cost", ("pert", 36000, 48000, 66000), NONNEG),
    ("options.orchestrate.per_order_fee", ("pert", 0.03, 0.05, 0.08), NONNEG),
    ("options.orchestrate.implementation_months", ("pert", 2, 3, 5), NONNEG),
    ("options.orchestrate.ramp_months", ("pert", 1, 2, 4), NONNEG),
    ("options.orchestrate.go_live_dip", 0.3, NONNEG),
    ("options.orchestrate.failure_probability", FAILURE_PROBABILITY, UNIT),
    ("options.orchestrate.failure_benefit_share", FAILURE_BENEFIT_SHARE, UNIT),
    ("options.orchestrate.effects.exception_rate", ("pert", 0.25, 0.40, 0.55), UNIT),
    ("options.orchestrate.effects.expedite_share_of_exceptions", ("pert", 0.1, 0.3, 0.5), UNIT),
    ("options.orchestrate.effects.cancellation_rate", ("pert", 0.25, 0.45, 0.65), UNIT),
    ("options.orchestrate.effects.reconciliation_hours_per_week", ("pert", 0.4, 0.65, 0.85), UNIT),
    ("options.orchestrate.effects.excess_inventory_value", ("pert", 0.1, 0.2, 0.35), UNIT),
    ("options.orchestrate.effects.marketplace_penalties", ("pert", 0.2, 0.4, 0.6), UNIT),
    ("options.orchestrate.effects.peak_oversell_incident", ("pert", 0.3, 0.6, 0.8), UNIT),
    ("options.orchestrate.stages.pilot_one_time_cost", ("pert", 25000, 35000, 50000), NONNEG),
    ("options.orchestrate.stages.expansion_cost", ("pert", 45000, 65000, 100000), NONNEG),
    ("options.orchestrate.stages.stop_cost", STOP_COST, NONNEG),
]
CORRELATIONS = (["pain.exception_rate", "pain.cancellation_rate", "pain.tickets_per_exception"],
                [[1, 0.6, 0.3], [0.6, 1, 0], [0.3, 0, 1]])

# The big-bang options: pain driver (key of pain()) -> effect name; fixed values are read from INPUTS.
OPTIONS = [
    dict(id="operate", label="Fix the node first (cycle counts, standard work)", kind="operate", effects={
        "e": "exception_rate", "c": "cancellation_rate", "W": "write_offs_per_year"}),
    dict(id="orchestrate", label="Order orchestration platform (routing, inventory layer, exception workflows)",
         kind="orchestrate", effects={
             "e": "exception_rate", "c": "cancellation_rate", "x": "expedite_share_of_exceptions",
             "h": "reconciliation_hours_per_week", "V": "excess_inventory_value", "mp": "marketplace_penalties",
             "ev": "peak_oversell_incident"}),
]
STAGED = dict(id="orchestrate_staged", twin="orchestrate",
              label=OPTIONS[1]["label"] + ", piloted first", kind="orchestrate")
STRATEGIES = [o["id"] for o in OPTIONS] + [STAGED["id"]]
DRIVERS = dict(e="pain.exception_rate", t="pain.minutes_per_exception", x="pain.expedite_share_of_exceptions",
               f="pain.expedite_fee", c="pain.cancellation_rate", k="pain.churn_share_of_cancellations",
               L="pain.customer_lifetime_margin", s="pain.tickets_per_exception", q="pain.cost_per_ticket",
               h="pain.reconciliation_hours_per_week", V="pain.excess_inventory_value", rho="pain.carrying_cost_rate",
               W="pain.write_offs_per_year", mp="pain.other.marketplace_penalties",
               ev="pain.events.peak_oversell_incident.cost")


def notation(dist):
    if not isinstance(dist, tuple):
        return repr(dist)
    return "{%s: [%s]}" % (dist[0], ", ".join(str(v) for v in dist[1:]))


def draw(rng, n, dist):
    kind = dist[0]
    if kind == "pert":
        lo, mode, hi = dist[1:]
        a = 1 + 4 * (mode - lo) / (hi - lo)
        b = 1 + 4 * (hi - mode) / (hi - lo)
        return lo + (hi - lo) * rng.beta(a, b, n)
    if kind == "ci90":       # lo > 0: the lognormal with these 5th and 95th percentiles
        lo, hi = dist[1:]
        return rng.lognormal((math.log(lo) + math.log(hi)) / 2, (math.log(hi) - math.log(lo)) / (2 * Z95), n)
    if kind == "uniform":
        return rng.uniform(dist[1], dist[2], n)
    raise ValueError(kind)


def draw_inputs(rng, n):
    """Every input (plain numbers as scalars), clamped into its domain; the share clamped; events; failures."""
    x, clamped = {}, {}
    for path, dist, (lo, hi) in INPUTS:
        if isinstance(dist, tuple):
            v = draw(rng, n, dist)
            out = (v < lo) | (v > hi)
            clamped[path] = float(out.mean())
            x[path] = np.clip(v, lo, hi) if out.any() else v
        else:
            x[path], clamped[path] = float(dist), 0.0
    # Spearman correlations by Iman-Conover reordering: marginals kept exactly
    names, rho = CORRELATIONS
    pearson = 2 * np.sin(np.pi * np.array(rho) / 6)
    z = rng.standard_normal((n, len(names))) @ np.linalg.cholesky(pearson).T
    for j, name in enumerate(names):
        x[name] = np.sort(x[name])[np.argsort(np.argsort(z[:, j]))]
    events = rng.random((n, math.ceil(H / 12))) < EVENT_PROBABILITY     # B_jy
    failed = {}                                                          # one failure draw per trial and option
    for o in OPTIONS:
        prob = x["options." + o["id"] + ".failure_probability"]
        failed[o["id"]] = rng.random(n) < prob if prob > 0 else None
    return x, clamped, events, failed


def pain(O, p, w, aov, gm, ev_on):
    """docs/model.md section 2's pain table, by component, for orders O and drivers p (any shapes that broadcast)."""
    return dict(labor=O * p["e"] * p["t"] / 60 * w, expedite=O * p["e"] * p["x"] * p["f"],
                lost_sales=O * p["c"] * (aov * gm + p["k"] * p["L"]), support=O * p["e"] * p["s"] * p["q"],
                reconciliation=p["h"] * 52 / 12 * w, carrying=p["V"] * p["rho"] / 12, write_offs=p["W"] / 12,
                other=p["mp"] / 12, events=ev_on * p["ev"] / 12)


def total(components):
    return sum(components.values())


def drivers(x, sl, col):
    """The status-quo drivers of the trials in sl, as columns (col=True: shape (c, 1))."""
    g = (lambda k: x[k][sl][:, None]) if col else (lambda k: x[k][sl])
    return {key: g(path) for key, path in DRIVERS.items()}


def reduced_drivers(x, sl, d, o, failed, col):
    """The option's drivers at full adoption, d · (1 − r_d), every r_d scaled by failure_benefit_share in the
    trials whose failure draw came up (failed[id]: None when the option cannot fail)."""
    p = "options." + o["id"] + "."
    f = failed[o["id"]]
    scale = np.ones(len(d["e"])) if f is None else np.where(f[sl], x[p + "failure_benefit_share"], 1.0)
    if col:
        scale = scale[:, None]
    out = dict(d)
    for key, eff in o["effects"].items():
        r = x[p + "effects." + eff][sl]
        out[key] = d[key] * (1 - (r[:, None] if col else r) * scale)
    return out, scale


def ramp(t, R):
    """A ramp's share of full adoption t months after it starts: min(1, t/R), 1 when R = 0 (a_m with
    t = m − D, the staged rollout's b_m with t = m − G)."""
    return np.where(R == 0, 1.0, np.minimum(1.0, t / np.where(R == 0, 1, R)))


def col(x, path, sl):
    """Input path for the trials in sl, as a (c, 1) column (a plain number stays a scalar)."""
    v = x[path]
    return v[sl][:, None] if isinstance(v, np.ndarray) else v


def cash_flow(C, a, benefit, costs, disc):
    """Every figure of docs/model.md section 2 from the one-time cost C, adoption a_m, benefit_m and costs_m."""
    net = a * benefit - costs
    sumnet = np.cumsum(net, axis=1)                      # cum_m + C
    paid = sumnet >= C[:, None]
    month = np.where(paid.any(axis=1), paid.argmax(axis=1) + 1, 0)
    costsum = costs.sum(axis=1)
    return dict(npv=-C + net @ disc, month=month, roi=(sumnet[:, -1] - C) / (C + costsum),
                first_year_cost=C + costs[:, :12].sum(axis=1), year_one_benefit=(a * benefit)[:, :12].sum(axis=1),
                one_time_cost=C, **{f"cum{t}": sumnet[:, t - 1] - C for t in CHECKPOINTS},
                **{f"max{t}": sumnet[:, :t].max(axis=1) for t in sorted(set(CHECKPOINTS) | {BAR})})


def simulate(x, events, failed, sl, rng):
    """The monthly model for the trials in slice sl: per-trial columns of every strategy."""
    c = sl.stop - sl.start
    m = np.arange(1, H + 1)[None, :]
    rows = np.arange(c)
    orders = col(x, "business.orders_per_month", sl) * (1 + col(x, "business.annual_growth", sl)) ** ((m - 1) / 12) \
        * SEASON[(m - 1) % 12]
    w, aov = col(x, "business.loaded_labor_cost_per_hour", sl), col(x, "business.average_order_value", sl)
    gm = col(x, "business.gross_margin", sl)
    d = drivers(x, sl, True)
    ev_on = events[sl][:, (m.ravel() - 1) // 12]
    base_parts = pain(orders, d, w, aov, gm, ev_on)
    base, labor = total(base_parts), base_parts["labor"]
    first12 = base[:, :12].sum(axis=1)
    revenue = (orders[:, :12] * aov).sum(axis=1)
    out = dict(pain=first12, revenue=revenue, share=first12 / revenue, fte=first12 / (w[:, 0] * HOURS_PER_FTE))
    disc = (1 + DISCOUNT) ** (-m.ravel() / 12)
    kept = {}
    for o in OPTIONS:
        p = "options." + o["id"] + "."
        red, scale = reduced_drivers(x, sl, d, o, failed, True)
        benefit = base - total(pain(orders, red, w, aov, gm, ev_on))
        D, R = col(x, p + "implementation_months", sl), col(x, p + "ramp_months", sl)
        a = np.where(m <= D, 0.0, ramp(m - D, R))                   # a_m
        mstar = np.floor(D) + 1                                     # the first live month m*
        dip = np.where(m == mstar, col(x, p + "go_live_dip", sl) * labor, 0.0)
        A12, fee = col(x, p + "annual_cost", sl) / 12, col(x, p + "per_order_fee", sl)
        costs = A12 + fee * orders * a + dip
        f = cash_flow(x[p + "one_time_cost"][sl], a, benefit, costs, disc)
        f["adoption"] = a[:, [t - 1 for t in CHECKPOINTS]]
        out[o["id"]] = f
        kept[o["id"]] = dict(a=a, benefit=benefit, D=D[:, 0], R=R, A12=A12, fee=fee,
                             dip_labor=col(x, p + "go_live_dip", sl) * labor,
                             r_e=x[p + "effects.exception_rate"][sl] * scale[:, 0])

    # docs/model.md section 7: the staged rollout of orchestrate, on the same trials (its adoption,
    # benefit and failure draw)
    tw = kept[STAGED["twin"]]
    st = "options." + STAGED["twin"] + ".stages."
    s, M = PILOT_SHARE, PILOT_MONTHS
    a, benefit = tw["a"], tw["benefit"]
    mstar = np.minimum(np.floor(tw["D"]) + 1, H + 1).astype(np.int64)       # m*
    G = np.minimum(mstar + M - 1, H + 1)                                      # the gate month
    has_gate = G < H                                                          # G >= H: no gate
    # the gate: n_0 = round(s · O_b), b = max(1, m* − 1); n_G = round(s · O_G) (halves up)
    b = np.maximum(1, mstar - 1)
    Gi = np.minimum(G, H) - 1
    n0 = np.floor(s * orders[rows, b - 1] + 0.5).astype(np.int64)
    nG = np.floor(s * orders[rows, Gi] + 0.5).astype(np.int64)
    e = d["e"][:, 0]
    x0 = rng.binomial(n0, e)
    xG = rng.binomial(nG, e * (1 - a[rows, Gi] * tw["r_e"]))
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = np.where((n0 == 0) | (nG == 0) | (x0 == 0), 0.0, 1 - (xG / nG) / (x0 / n0))
    observed = np.where(has_gate, observed, np.nan)
    go = has_gate & (observed >= TARGET)
    pilot_end = np.minimum(G, H)[:, None]
    in_pilot = m <= pilot_end
    sa = np.where(in_pilot, s * a, np.where(go[:, None], s * a + (1 - s) * ramp(m - G[:, None], tw["R"]), 0.0))
    running = np.where(in_pilot, s * tw["A12"], np.where(go[:, None], tw["A12"], 0.0))
    extra = np.zeros_like(orders)
    dip_rows = rows[mstar <= pilot_end[:, 0]]
    extra[dip_rows, mstar[dip_rows] - 1] += s * tw["dip_labor"][dip_rows, mstar[dip_rows] - 1]
    after = rows[G + 1 <= H]
    expansion = x[st + "expansion_cost"][sl]
    extra[after, G[after]] += np.where(go[after], expansion[after] + (1 - s) * tw["dip_labor"][after, G[after]],
                                       x[st + "stop_cost"])
    costs = running + tw["fee"] * orders * sa + extra
    f = cash_flow(x[st + "pilot_one_time_cost"][sl], sa, benefit, costs, disc)
    f["adoption"] = sa[:, [t - 1 for t in CHECKPOINTS]]
    f.update(observed=observed, go=go, has_gate=has_gate)
    out[STAGED["id"]] = f
    return out


def stats(v, keep=None):
    """STATS: mean, sd, min, max over every value; percentiles (type 7) over the retained ones (keep)."""
    if len(v) == 0:
        return {k: None for k in ("mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "min", "max")}
    sub = v if keep is None else v[keep]
    p = np.percentile(sub, [5, 10, 25, 50, 75, 90, 95])
    return dict(mean=float(v.mean()), sd=float(v.std(ddof=1)) if len(v) > 1 else None, p5=p[0], p10=p[1],
                p25=p[2], p50=p[3], p75=p[4], p90=p[5], p95=p[6], min=float(v.min()), max=float(v.max()))


def kpis_at(x, events, a, red, T):
    """The five KPIs of docs/model.md section 8 at month T, over all trials, for adoption a (0: status quo)."""
    O = x["business.orders_per_month"] * (1 + x["business.annual_growth"]) ** ((T - 1) / 12) * SEASON[(T - 1) % 12]
    w, aov = x["business.loaded_labor_cost_per_hour"], x["business.average_order_value"]
    gm = x["business.gross_margin"]
    d = drivers(x, slice(None), False)
    ev_on = events[:, (T - 1) // 12]
    at = {k: d[k] - a * (d[k] - red[k]) for k in d}                  # d · (1 − a_T · r_d)
    c = pain(O, at, w, aov, gm, ev_on)
    now = total(pain(O, d, w, aov, gm, ev_on))
    after = total(pain(O, red, w, aov, gm, ev_on))
    return dict(exception_rate=at["e"], labor_cost_per_order=(c["labor"] + c["reconciliation"]) / O,
                margin_leakage=(c["expedite"] + c["lost_sales"] + c["write_offs"]) / (O * aov),
                cash_in_excess_inventory=at["V"], pain_per_order=(now - a * (now - after)) / O)


def ranks(v):
    r = np.empty(len(v))
    r[np.argsort(v, kind="stable")] = np.arange(1, len(v) + 1)
    return r - (len(v) + 1) / 2


def score(bounds, v):
    """1 + the number of the ascending bounds at or below v (a decision-matrix band, docs/model.md section 4)."""
    return 1 + np.searchsorted(bounds, v, side="right")


def se(p, n):
    return math.sqrt(p * (1 - p) / n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--retain", type=int, default=RETAIN,
                    help="percentiles and sensitivity from a uniform random subset of about this many trials "
                         "when there are more (payback's retention line; 0: every trial)")
    ap.add_argument("--out", default="numpy-summary.json")
    args = ap.parse_args()
    n = args.trials
    rng = np.random.default_rng(args.seed)
    x, clamped, events, failed = draw_inputs(rng, n)
    keep = rng.random(n) < args.retain / n if 0 < args.retain < n else None
    R = n if keep is None else int(keep.sum())
    retained = (lambda v: v) if keep is None else (lambda v: v[keep])

    parts = [simulate(x, events, failed, slice(i, min(n, i + CHUNK)), rng) for i in range(0, n, CHUNK)]
    cat = lambda f: np.concatenate([f(p) for p in parts])
    pain_, revenue, share, fte = (cat(lambda p, k=k: p[k]) for k in ("pain", "revenue", "share", "fte"))
    res = {sid: {k: cat(lambda p, k=k, sid=sid: p[sid][k]) for k in parts[0][sid]} for sid in STRATEGIES}
    del parts

    summary = dict(scenario="Consumer goods SMB on Shopify, Amazon and wholesale", trials=n, seed=args.seed,
                   currency="USD", horizon_months=H, annualized_pain=stats(pain_, keep),
                   pain_share_of_revenue=stats(share, keep), pain_fte=stats(fte, keep))
    e = x["pain.exception_rate"]
    th = dict(
        pain_share_ge_1_5pct=float((share >= 0.015).mean()), pain_share_ge_3pct=float((share >= 0.03).mean()),
        pain_share_ge_5pct=float((share >= 0.05).mean()), fte_ge_1=float((fte >= 1).mean()),
        fte_ge_2=float((fte >= 2).mean()), exception_rate_ge_10pct=float((e >= 0.10).mean()),
        exception_rate_ge_15pct=float((e >= 0.15).mean()),
        inventory_accuracy_lt_95pct=float((x["business.inventory_accuracy"] < 0.95).mean()),
        reconciliation_ge_10pct_of_week=float((x["pain.reconciliation_hours_per_week"] >= 4).mean()))
    summary["thresholds"] = dict(th, fulfillment_paths_ge_2=PATHS >= 2)
    wsum = sum(WEIGHTS.values())
    scorecard = {k: sum(WEIGHTS[d] * v for d, v in sc.items()) / wsum for k, sc in SCORECARDS.items()}
    summary["options"] = {}
    for sid in STRATEGIES:
        r = res[sid]
        v, month, fyc, yob = r["npv"], r["month"], r["first_year_cost"], r["year_one_benefit"]
        paid = month > 0
        q = lambda t: float(np.quantile(retained(r[f"max{t}"]), 1 - CONFIDENCE))
        twin = STAGED["twin"] if sid == STAGED["id"] else sid
        o = dict(
            npv=stats(v, keep), roi=stats(r["roi"], keep), first_year_cost=stats(fyc, keep),
            cumulative_net={t: stats(r[f"cum{t}"], keep) for t in CHECKPOINTS},
            payback_probability={t: float((paid & (month <= t)).mean()) for t in CHECKPOINTS},
            payback_month=stats(month[paid].astype(float), None if keep is None else keep[paid]),
            p_no_payback=float((~paid).mean()), p_npv_negative=float((v < 0).mean()),
            p_pain_exceeds_first_year_cost=float((pain_ > fyc).mean()),
            max_one_time_cost={t: q(t) for t in CHECKPOINTS}, payback_confidence=CONFIDENCE,
            label=STAGED["label"] if sid == STAGED["id"] else next(op["label"] for op in OPTIONS if op["id"] == sid),
            kind=next(op["kind"] for op in OPTIONS if op["id"] == twin),
            one_time_cost=stats(r["one_time_cost"], keep), scorecard_score=scorecard[twin])
        if sid == STAGED["id"]:
            obs, has_gate = r["observed"], r["has_gate"]
            big = res[twin]["npv"]
            o["gate"] = dict(
                p_go=float(r["go"].mean()), p_false_go=float((r["go"] & (big < 0)).mean()),
                p_false_stop=float((has_gate & ~r["go"] & (big > 0)).mean()),
                observed_reduction=stats(obs[has_gate], None if keep is None else keep[has_gate]),
                value_of_staging=stats(v - big, keep), big_bang=twin, pilot_share=PILOT_SHARE,
                pilot_months=PILOT_MONTHS, exception_rate_reduction_target=TARGET,
                p_no_gate=float((~has_gate).mean()))
        p_bar = float((paid & (month <= BAR)).mean())
        o.update(year_one_benefit=stats(retained(yob)),
                 p_year_one_benefit_exceeds_first_year_cost=float((yob > fyc).mean()),
                 payback_bar=dict(months=BAR, probability=p_bar, max_one_time_cost=q(BAR), met=p_bar >= CONFIDENCE))
        summary["options"][sid] = o
    allnpv = np.vstack([np.zeros(n)] + [res[sid]["npv"] for sid in STRATEGIES])
    best = allnpv.argmax(axis=0)          # ties to the status quo, then to the strategy listed first
    summary["p_best"] = {name: float((best == k).mean()) for k, name in enumerate(["status_quo"] + STRATEGIES)}
    sc = (COMPLEXITY + score([0.05, 0.10, 0.15, 0.25], e)
          + (6 - score([0.88, 0.92, 0.95, 0.98], x["business.inventory_accuracy"]))
          + {1: 1, 2: 3, 3: 4}.get(CHANNELS, 5) + score([0.5, 1, 2, 4], fte) + score([0.01, 0.015, 0.03, 0.05], share))
    verdicts = dict(operate=float((sc < 15).mean()), pilot=float(((sc >= 15) & (sc <= 22)).mean()),
                    orchestrate=float((sc > 22).mean()))
    verdict = max(verdicts, key=lambda k: (verdicts[k], -list(verdicts).index(k)))
    summary["decision"] = dict(score=stats(sc.astype(float), keep), verdict_probability=verdicts, verdict=verdict)
    summary["revenue"] = stats(revenue, keep)

    # the seed's five tests; test 4 (docs/model-notes.md): the orchestrate big-bang option with the highest
    # P(year-one benefit > first-year cost), any big-bang option when none is of kind orchestrate
    big_bang = [op for op in OPTIONS if op["kind"] == "orchestrate"] or list(OPTIONS)
    t4 = max(big_bang, key=lambda op: summary["options"][op["id"]]["p_year_one_benefit_exceeds_first_year_cost"])
    o4 = summary["options"][t4["id"]]
    p4 = o4["p_year_one_benefit_exceeds_first_year_cost"]
    e50 = float(np.percentile(retained(e), 50))
    summary["five_tests"] = [
        dict(test=1, evidence=f"{CHANNELS} channels and {PATHS} fulfillment paths",
             leans="orchestrate" if CHANNELS >= 2 or PATHS >= 2 else "operate"),
        dict(test=2, evidence=f"median exception rate {e50:.3f}; >= 10% in {th['exception_rate_ge_10pct']:.3f}, "
                              f">= 15% in {th['exception_rate_ge_15pct']:.3f}",
             leans="orchestrate" if th["exception_rate_ge_10pct"] >= 0.5 else "operate"),
        dict(test=3, evidence=f"{PATHS} fulfillment paths", leans="orchestrate" if PATHS >= 2 else "operate"),
        dict(test=4, evidence=f"{t4['id']}: year-one benefit median {o4['year_one_benefit']['p50']:.0f} exceeds "
                              f"first-year cost median {o4['first_year_cost']['p50']:.0f} in {p4:.3f}; pain median "
                              f"{summary['annualized_pain']['p50']:.0f}",
             leans="orchestrate" if p4 >= 0.5 else "operate"),
        dict(test=5, evidence=f"adoption readiness {READINESS} of 5",
             leans="orchestrate" if READINESS >= 3 else "operate")]
    summary["inputs"] = [dict(input=path, notation=notation(dist), **(
        dict(zip(("p10", "p50", "p90"), np.percentile(retained(x[path]), [10, 50, 90])))
        if isinstance(x[path], np.ndarray) else dict(p10=x[path], p50=x[path], p90=x[path])),
        clamped_share=clamped[path]) for path, dist, _ in INPUTS]

    # sensitivity and value of information, over the retained trials
    uncertain = [path for path, dist, _ in INPUTS if isinstance(dist, tuple)]
    npv = [retained(res[sid]["npv"]) for sid in STRATEGIES]
    nr = len(npv[0])
    best_mean = max(0.0, max(float(v.mean()) for v in npv))
    evpi = float(np.maximum(0, np.max(npv, axis=0)).mean()) - best_mean
    npv_ranks = [ranks(v) for v in npv]
    sens = {sid: [] for sid in STRATEGIES}
    evppi = []
    dec = max(1, nr // 10)
    edges = [(b * nr) // 20 for b in range(21)]
    for name in uncertain:
        v = retained(x[name])
        order = np.argsort(v, kind="stable")
        xr = np.empty(nr)
        xr[order] = np.arange(1, nr + 1)
        xr -= (nr + 1) / 2
        for k, sid in enumerate(STRATEGIES):
            rho_s = float(xr @ npv_ranks[k] / math.sqrt((xr @ xr) * (npv_ranks[k] @ npv_ranks[k])))
            sv = npv[k][order]
            sens[sid].append(dict(input=name, spearman=rho_s, tornado_low=float(sv[:dec].mean()),
                                  tornado_high=float(sv[-dec:].mean())))
        binned = 0.0
        for b in range(20):
            idx = order[edges[b]:edges[b + 1]]
            binned += max(0.0, max(float(v2[idx].mean()) for v2 in npv)) * len(idx)
        evppi.append(dict(input=name, evppi=max(0.0, binned / nr - best_mean)))
    for k in sens:
        sens[k].sort(key=lambda en: -abs(en["tornado_high"] - en["tornado_low"]))
        summary["options"][k]["sensitivity"] = sens[k]
    evppi.sort(key=lambda en: -en["evppi"])
    summary["value_of_information"] = dict(evpi=evpi, per_input=evppi)

    # KPI checkpoints (docs/model.md section 8), over all trials at once: month-T drivers and adoption
    d_all = drivers(x, slice(None), False)
    reduced = {o["id"]: reduced_drivers(x, slice(None), d_all, o, failed, False)[0] for o in OPTIONS}
    reduced[STAGED["id"]] = reduced[STAGED["twin"]]
    summary["kpis"], summary["kpi_checklist"] = {}, {}
    for sid in ["status_quo"] + STRATEGIES:
        summary["kpis"][sid] = {}
        if sid != "status_quo":
            summary["kpi_checklist"][sid] = {}
        for j, T in enumerate(CHECKPOINTS):
            a = 0.0 if sid == "status_quo" else res[sid]["adoption"][:, j]
            vals = kpis_at(x, events, a, d_all if sid == "status_quo" else reduced[sid], T)
            vals = {k: (np.full(n, float(v)) if np.ndim(v) == 0 else v) for k, v in vals.items()}
            summary["kpis"][sid][T] = {k: stats(vals[k], keep) for k in KPIS}
            if sid != "status_quo":
                summary["kpi_checklist"][sid][T] = {
                    k: float(np.quantile(retained(vals[k]), CONFIDENCE)) for k in KPIS}
    summary["scorecard_weights"] = WEIGHTS

    # the recommendation (docs/model-notes.md "The recommendation", analysis/Recommendation)
    ops = summary["options"]
    mean = lambda sid: ops[sid]["npv"]["mean"]
    leader = max((sid for sid in STRATEGIES if mean(sid) > 0), key=mean, default=None)
    sq_best = summary["p_best"]["status_quo"]
    if leader is None or all(summary["p_best"][sid] <= sq_best for sid in STRATEGIES):
        branch, subject, staged = "do_nothing", leader, None
    else:
        subject, staged = leader, None
        if leader.endswith("_staged") and leader[:-len("_staged")] in ops:
            subject, staged = leader[:-len("_staged")], leader
        elif leader + "_staged" in ops:
            staged = leader + "_staged"
        if staged and (leader == staged or (mean(staged) > 0 and ops[staged]["p_npv_negative"]
                                            <= ops[subject]["p_npv_negative"] - 0.05
                                            and mean(staged) >= 0.75 * mean(subject))):
            branch = "pilot"
        elif ops[leader]["payback_bar"]["met"]:
            branch = "fix_node" if ops[leader]["kind"] == "operate" else "buy"
        elif ops[leader]["payback_bar"]["max_one_time_cost"] < 0:
            branch = "not_even_free"
        else:
            branch = "buy_at_price"
    alternative = max((sid for sid in STRATEGIES if sid not in (subject, staged) and mean(sid) > 0
                       and ops[sid]["payback_bar"]["met"]), key=mean, default=None) if subject else None
    summary["recommendation"] = dict(
        branch=branch, option=subject, staged=staged, alternative=alternative,
        sentence=f"{branch}: {subject} (mean NPV {mean(subject):.0f}, P(payback <= {BAR}) "
                 f"{ops[subject]['payback_bar']['probability']:.3f}, price at the bar "
                 f"{ops[subject]['payback_bar']['max_one_time_cost']:.0f})" if subject else branch)
    summary["overrides"] = dict(stress=None, set=[])
    std = dict(thresholds={k: se(p, n) for k, p in th.items()}, options={
        sid: dict(npv_mean=ops[sid]["npv"]["sd"] / math.sqrt(n),
                  payback_probability={t: se(p, n) for t, p in ops[sid]["payback_probability"].items()},
                  **{k: se(ops[sid][k], n) for k in ("p_no_payback", "p_npv_negative", "p_pain_exceeds_first_year_cost",
                                                     "p_year_one_benefit_exceeds_first_year_cost")})
        for sid in STRATEGIES},
        p_best={k: se(p, n) for k, p in summary["p_best"].items()},
        verdict_probability={k: se(p, n) for k, p in verdicts.items()})
    if R < n:
        std["percentiles"] = dict(trials=R, rank_error_p50=se(0.5, R), rank_error_p5_p95=se(0.05, R))
    summary["standard_errors"] = std

    with open(args.out, "w") as f:
        json.dump(summary, f, indent=2, default=float)
    gate = ops[STAGED["id"]]["gate"]
    print(f"wrote {args.out}: {n:,} trials, P(best) {summary['p_best']}, P(go) {gate['p_go']:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
