"""The analyst web app (issue 7): Starlette, Jinja2 templates (autoescaped), htmx, and vendored
Chart.js and Cytoscape.js served from `static/vendor/` (see tools/vendor_assets.py).

    from sentinelle.web.app import create_app
    app = create_app("case.db")    # `sentinelle serve --db case.db` runs it on uvicorn

Modules: `app` (routes, security headers), `base` (store per thread, login, permissions, CSRF,
rendering, audit), `render` and `postview` (escaping, evidence highlighting, pseudonyms),
`views_*` (the pages), `jobs` (background imports).
"""
