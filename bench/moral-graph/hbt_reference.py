#!/usr/bin/env python3
"""Fits the hierarchical Bradley–Terry model with scipy's L-BFGS-B, as a reference for polyphony.

Input (JSON): {"tau", "priorScale", "cardCount", "slotCard": [card of each (context, card) slot],
"fromSlot", "toSlot", "upgrades", "judged": one entry per (context, ordered pair)}.
Model: logit P(upgrade | from -> to in c) = delta + theta[toSlot] - theta[fromSlot], with
theta[slot] ~ N(mu[card of slot], tau^2), mu and delta ~ N(0, priorScale^2); the parameters are
(mu, theta, delta), centred on theta as polyphony's fit is, so that the two minimise the same
function from the same start. Only the minimisation is timed.
Usage: hbt_reference.py rows.json [gtol, default 1e-7: scipy stops when every scaled |gradient_i| is below].
Output: {"scipy": version, "seconds", "iterations", "mu": [...], "theta": [...], "delta"}.
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    gtol = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-7
    n_cards = spec["cardCount"]
    slot_card = np.asarray(spec["slotCard"], dtype=np.int64)
    n_slots = len(slot_card)
    fs = np.asarray(spec["fromSlot"], dtype=np.int64)
    ts = np.asarray(spec["toSlot"], dtype=np.int64)
    s = np.asarray(spec["upgrades"], dtype=np.float64)
    n = np.asarray(spec["judged"], dtype=np.float64)
    keep = n > 0
    fs, ts, s, n = fs[keep], ts[keep], s[keep], n[keep]
    prec_mu = 1.0 / spec["priorScale"] ** 2
    prec_u = 1.0 / spec["tau"] ** 2

    def terms(x):
        """Each row's negative log-likelihood and the log prior, before summing."""
        mu, theta, delta = x[:n_cards], x[n_cards:-1], x[-1]
        eta = delta + theta[ts] - theta[fs]
        u = theta - mu[slot_card]
        # -[s log sigma(eta) + (n - s) log sigma(-eta)] = n softplus(-eta) + (n - s) eta
        rows = n * np.logaddexp(0.0, -eta) + (n - s) * eta
        prior = 0.5 * prec_mu * (mu @ mu + delta * delta) + 0.5 * prec_u * (u @ u)
        return eta, u, rows, prior

    def objective(x, reference):
        # f(x) - f(reference), summed row by row: the value of f (~1e5 here) carries round-off far
        # above the decrease of a late step, which would stop the line search early.
        mu, delta = x[:n_cards], x[-1]
        eta, u, rows, prior = terms(x)
        f = np.sum(rows - reference[0]) + (prior - reference[1])
        r = n * scipy.special.expit(eta) - s
        g_mu = prec_mu * mu - prec_u * np.bincount(slot_card, u, n_cards)
        g_theta = prec_u * u + np.bincount(ts, r, n_slots) - np.bincount(fs, r, n_slots)
        g_delta = prec_mu * delta + r.sum()
        return f, np.concatenate([g_mu, g_theta, [g_delta]])

    # The same diagonal preconditioner as polyphony's: each coordinate scaled by the square root of
    # the Hessian's diagonal at the start (x = 0, where each row weighs n / 4), so that scipy
    # minimises the same function in the same geometry; unscaled it crawls.
    h = np.full(n_cards + n_slots + 1, prec_u)
    h[:n_cards] = prec_mu + prec_u * np.bincount(slot_card, minlength=n_cards)
    h[n_cards:-1] += np.bincount(ts, n / 4, n_slots) + np.bincount(fs, n / 4, n_slots)
    h[-1] = prec_mu + n.sum() / 4
    scale = 1.0 / np.sqrt(h)

    def scaled(y, reference):
        f, g = objective(y * scale, reference)
        return f, g * scale

    y = np.zeros(n_cards + n_slots + 1)
    start = time.perf_counter()
    iterations = 0
    # Restarts measure f from the point reached, until a restart barely moves.
    for _ in range(5):
        _, _, rows, prior = terms(y * scale)
        reference = (rows, prior)
        result = minimize(lambda v: scaled(v, reference), y, jac=True, method="L-BFGS-B",
                          options={"maxiter": 20000, "maxfun": 40000, "ftol": 0.0, "gtol": gtol, "maxcor": 10})
        iterations += int(result.nit)
        y = result.x
        if result.nit <= 2:
            break
    seconds = time.perf_counter() - start
    x = y * scale
    mu, theta = x[:n_cards], x[n_cards:-1]
    json.dump({"scipy": scipy.__version__, "seconds": seconds, "iterations": iterations,
               "message": str(result.message), "mu": mu.tolist(), "theta": theta.tolist(),
               "delta": float(x[-1])}, sys.stdout)


if __name__ == "__main__":
    main()
