"""Building blocks every page shares: tables, forms, filters, record dialogs, prompts."""
