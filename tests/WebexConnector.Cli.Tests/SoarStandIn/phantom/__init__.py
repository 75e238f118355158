# A small stand-in of Splunk SOAR's `phantom` package for the tests, written from SOAR's documented
# BaseConnector / ActionResult API (see shared/soar-app.md); just enough to run a connector module.
