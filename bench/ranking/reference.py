"""Plain reference for bench/ranking: ranked pairs in pure Python and Plackett-Luce by the same
Newton iteration in NumPy, vectorised over scenarios, transcribed from the formulas of
src/kinds/scenarios/core/ (ranked-pairs.ts, plackett-luce.ts; decision 0013).

usage: reference.py TIERS.bin SCENARIOS RANKINGS BEHAVIOURS OUT_PREFIX
Reads int32 tiers[(s * rankings + r) * behaviours + i] (-1 = unranked); writes OUT_PREFIX.rank
(int32) and OUT_PREFIX.score (float64), scenario-major, and prints timings as JSON.
"""
import json
import sys
import time

import numpy as np

SHAPE, RATE, TOLERANCE, MAX_ITERATIONS = 2.0, 1.0, 1e-9, 100


def ranked_pairs(wins, n):
    """Tideman: lock majority pairs by winning votes, then fewer opposing votes, then index."""
    pairs = [(a, b) for a in range(n) for b in range(n) if wins[a][b] > wins[b][a]]
    pairs.sort(key=lambda p: (-wins[p[0]][p[1]], wins[p[1]][p[0]], p[0] * n + p[1]))
    reach = [[False] * n for _ in range(n)]
    for a, b in pairs:
        if reach[b][a] or reach[a][b]:
            continue
        for x in range(n):
            if x != a and not reach[x][a]:
                continue
            for y in range(n):
                if y == b or reach[b][y]:
                    reach[x][y] = True
    return [sum(1 for x in range(n) if reach[x][y]) for y in range(n)]


def plackett_luce(tiers):
    """Gamma(2, 1)-prior mode with Breslow ties by Newton's method with step halving on the
    objective; a scenario stops when no log-worth moves 1e-9 in a step."""
    s_count, _, n = tiers.shape
    ranked = tiers >= 0
    big = n + 1
    keyed = np.where(ranked, tiers, big)
    order = np.argsort(keyed * n + np.arange(n), axis=2, kind="stable")
    tier = np.take_along_axis(keyed, order, 2)
    placed = tier < big
    count = placed.sum(2)
    valid = count >= 2
    last = np.take_along_axis(tier, np.maximum(count - 1, 0)[..., None], 2)[..., 0]
    size = ((tier[..., :, None] == tier[..., None, :]) & placed[..., None, :]).sum(3)
    first = placed.copy()
    first[..., 1:] &= tier[..., 1:] != tier[..., :-1]
    skip_last = valid & (np.take_along_axis(size, np.maximum(count - 1, 0)[..., None], 2)[..., 0] == 1)
    dropped = skip_last[..., None] & (tier == last[..., None])
    stage = first & valid[..., None] & ~dropped
    chosen = placed & valid[..., None] & ~dropped
    wins_by_ballot = np.zeros(tiers.shape)
    np.put_along_axis(wins_by_ballot, order, chosen.astype(float), 2)
    wins = wins_by_ballot.sum(1)
    counted = placed & valid[..., None]
    pair_mask = (ranked & valid[..., None])[..., :, None] & (ranked & valid[..., None])[..., None, :]

    def stage_totals(idx, alpha):
        """D at each sorted position of each ballot (the total worth from there on)."""
        o = order[idx]
        sorted_worth = np.take_along_axis(np.broadcast_to(alpha[:, None, :], o.shape), o, 2) * placed[idx]
        return np.cumsum(sorted_worth[..., ::-1], axis=2)[..., ::-1]

    def objective(idx, theta):
        alpha = np.exp(theta)
        d = stage_totals(idx, alpha)
        with np.errstate(divide="ignore"):
            logs = np.where(stage[idx], size[idx] * np.log(np.where(stage[idx], d, 1.0)), 0.0)
        return ((SHAPE - 1 + wins[idx]) * theta - RATE * alpha).sum(1) - logs.sum((1, 2))

    def newton_step(idx, theta):
        alpha = np.exp(theta)
        d = stage_totals(idx, alpha)
        with np.errstate(divide="ignore", invalid="ignore"):
            one = np.cumsum(np.where(stage[idx], size[idx] / d, 0.0), axis=2) * counted[idx]
            two = np.cumsum(np.where(stage[idx], size[idx] / (d * d), 0.0), axis=2) * counted[idx]
        o = order[idx]
        one_item = np.zeros(o.shape)
        two_item = np.zeros(o.shape)
        np.put_along_axis(one_item, o, one, 2)
        np.put_along_axis(two_item, o, two, 2)
        exposure = one_item.sum(1)
        shared = (np.minimum(two_item[..., :, None], two_item[..., None, :]) * pair_mask[idx]).sum(1)
        gradient = SHAPE - 1 + wins[idx] - RATE * alpha - alpha * exposure
        hessian = -alpha[:, :, None] * alpha[:, None, :] * shared
        hessian[:, np.arange(n), np.arange(n)] += RATE * alpha + alpha * exposure
        return np.linalg.solve(hessian, gradient[..., None])[..., 0]

    theta = np.zeros((s_count, n))
    value = objective(np.arange(s_count), theta)
    active = np.arange(s_count)
    iterations = 0
    while active.size and iterations < MAX_ITERATIONS:
        iterations += 1
        step = newton_step(active, theta[active])
        scale = np.ones(active.size)
        trial = theta[active] + step
        nxt = objective(active, trial)
        worse = nxt < value[active] - 1e-12 * np.abs(value[active])
        while worse.any() and scale.min() > 1e-10:
            scale[worse] /= 2
            trial[worse] = theta[active[worse]] + scale[worse, None] * step[worse]
            nxt[worse] = objective(active[worse], trial[worse])
            worse = worse & (nxt < value[active] - 1e-12 * np.abs(value[active])) & (scale > 1e-10)
        theta[active] = trial
        value[active] = nxt
        moved = np.abs(scale[:, None] * step).max(1)
        active = active[moved >= TOLERANCE]
    # An item is scored when a ballot ranking at least two items ranks it.
    item_ranked = (ranked & valid[..., None]).any(1)
    logs = np.where(item_ranked, theta, 0.0)
    mean = logs.sum(1) / item_ranked.sum(1)
    return np.where(item_ranked, logs - mean[:, None], np.nan)


def main():
    path, scenarios, rankings, behaviours, out = sys.argv[1], *map(int, sys.argv[2:5]), sys.argv[5]
    tiers = np.fromfile(path, dtype=np.int32).reshape(scenarios, rankings, behaviours)
    start = time.perf_counter()
    cpu = time.process_time()
    t_i, t_j = tiers[:, :, :, None], tiers[:, :, None, :]
    wins = ((t_i >= 0) & (t_j > t_i)).sum(1).tolist()
    ranks = np.array([ranked_pairs(w, behaviours) for w in wins], dtype=np.int32)
    pairs_s = time.perf_counter() - start
    middle = time.perf_counter()
    scores = plackett_luce(tiers)
    pl_s = time.perf_counter() - middle
    total_cpu = time.process_time() - cpu
    ranks.tofile(out + ".rank")
    scores.astype(np.float64).tofile(out + ".score")
    print(json.dumps({"numpy": np.__version__, "python": sys.version.split()[0], "pairs_s": pairs_s, "plackett_luce_s": pl_s, "cpu_s": total_cpu}))


if __name__ == "__main__":
    main()
