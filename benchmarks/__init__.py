"""Performance runs: a generator of large realistic databases and timings against bare baselines."""
