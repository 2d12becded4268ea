"""The boundaries shipped with the app (OCHA COD-AB admin 1 and 2 of twelve countries) and recognising them."""
