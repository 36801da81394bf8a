"""The built site in a real browser, served from loopback."""

from urllib.parse import urlparse

LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}


def test_every_page_renders_and_no_request_leaves_loopback(browser, served_site, built_site):
    context = browser.new_context()
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    uris = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert len(uris) >= 15
    for uri in uris:
        response = page.goto(f"{served_site}/{uri.removesuffix('index.html')}")
        assert response.ok, uri
        banner = page.locator(".md-banner")
        assert banner.is_visible(), uri
        assert "0800-2000" in banner.inner_text()
        assert page.locator("h1").count() == 1, uri
    foreign = [u for u in requests if urlparse(u).scheme in ("http", "https") and urlparse(u).hostname not in LOOPBACK]
    assert foreign == []
    assert context.cookies() == []
    context.close()
