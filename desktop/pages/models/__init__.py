"""The Models page's parts: the table and its filters, the details, the actions (the page is ``models_page``)."""
