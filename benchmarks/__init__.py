"""ShopDesk's speed bars, each measured next to its floor in the same run."""
