"""The county rules of the seeds as pure functions: nothing here imports frappe."""
