using WebexConnector.Cli;

return await CliApplication.RunAsync(args, CliExecutionContext.ForProcess(), CancellationToken.None).ConfigureAwait(false);
