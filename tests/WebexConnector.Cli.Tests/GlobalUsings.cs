global using NUnit.Framework;
global using WebexConnector.Cli.Tests.Infrastructure;
