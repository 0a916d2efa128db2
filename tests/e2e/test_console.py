"""Every page type loads cleanly under the real Content Security Policy.

The other browser tests bypass the CSP to inject axe-core; this one keeps it, so that an inline
style or script added to a template, which the policy blocks, fails here. Any other console
error or failed request (a missing stylesheet or icon) fails too.
"""

from .pages import PAGE_TYPES


def test_every_page_type_loads_without_console_errors_or_blocked_content(browser, site):
    context = browser.new_context(bypass_csp=False)
    page = context.new_page()
    # The page types that answer an error status on purpose (the 404 page): Chromium logs that
    # status as a console error about the document itself.
    expected_errors = {site + p.path for p in PAGE_TYPES if p.status >= 400}
    problems = []

    def on_console(message):
        if message.type != "error":
            return
        if message.location.get("url") in expected_errors and "status of" in message.text:
            return
        problems.append(f"{page.url}: console error: {message.text}")

    def on_request_failed(request):
        # Going to the next page cancels what the last one still loads (its icon): not a fault.
        if request.failure != "net::ERR_ABORTED":
            problems.append(f"{page.url}: {request.url} failed: {request.failure}")

    def on_response(response):
        if response.status >= 400 and response.url not in expected_errors:
            problems.append(f"{page.url}: {response.url} answered {response.status}")

    page.on("console", on_console)
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    try:
        for page_type in PAGE_TYPES:
            page.goto(site + page_type.path)
    finally:
        context.close()
    assert not problems, "Pages that do not load cleanly:\n" + "\n".join(problems)
