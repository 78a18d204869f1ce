// Placeholder: the benchmark lands with the performance issue.
print("sovtrack-bench: not yet implemented")
