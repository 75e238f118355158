global using NUnit.Framework;
global using WebexConnector.Tests.TestSupport;
