"""The repair orders area: board, day board, my orders, intake and the order view."""
