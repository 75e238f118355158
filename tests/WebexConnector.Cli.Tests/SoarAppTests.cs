using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// <c>soar-app</c> end to end: the generated app's connector module runs under python3 against a stand-in of SOAR's
/// <c>phantom</c> package (SoarStandIn/), drives the bundled executable against the fake Webex, and turns its
/// result document into SOAR action results; stderr lines reach <c>save_progress</c> while the binary runs.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SoarAppTests : OAuthTestBase
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly string[] AppFiles =
    [
        "webexconnector/webexconnector.json", "webexconnector/webexconnector_connector.py", "webexconnector/bin/webex-connector",
        "webexconnector/logo_webexconnector.svg", "webexconnector/logo_webexconnector_dark.svg",
    ];

    [Test]
    public async Task SoarApp_Output_WritesTheFolderAndAnArchiveWithAnExecutableBinary()
    {
        var output = Path.Combine(Cli.WorkDir, "app");

        var result = await Cli.RunAsync("soar-app", "--output", output, "--binary", Cli.WriteStandaloneExecutable());

        AssertExitCode(result, 0);
        var names = new List<string>();
        UnixFileMode binaryMode = 0;
        await using (var archive = File.OpenRead(Path.Combine(output, "webexconnector.tgz")))
        await using (var gzip = new GZipStream(archive, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name);
                if (entry.Name == "webexconnector/bin/webex-connector")
                {
                    binaryMode = entry.Mode;
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.SupersetOf(AppFiles));
            Assert.That(binaryMode.HasFlag(UnixFileMode.UserExecute) && binaryMode.HasFlag(UnixFileMode.OtherExecute), Is.True, "0755 in the archive");
            Assert.That(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(output, "webexconnector", "bin", "webex-connector")).HasFlag(UnixFileMode.UserExecute), Is.True);
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "webexconnector", "webexconnector.json")))!;
            Assert.That(Str(manifest["main_module"]), Is.EqualTo("webexconnector_connector.py"));
        }
    }

    [Test]
    public async Task SoarApp_FrameworkDependentBuildWithoutBinary_RefusesSayingToPublish()
    {
        if (Environment.GetEnvironmentVariable("WEBEX_CONNECTOR_EXE") is { Length: > 0 } exe && !exe.EndsWith(".dll", StringComparison.Ordinal))
        {
            Assert.Ignore("The published executable is the one to bundle; this checks the build output.");
        }

        var result = await Cli.RunAsync("soar-app", "--output", Path.Combine(Cli.WorkDir, "app"));

        Assert.That(AssertUnusableInvocation(result), Does.Contain("dotnet publish"));
    }

    [Test]
    public async Task Module_ListRooms_AddsOneDataItemPerRoomAndTheSummary()
    {
        Server.AddRooms(3);

        var run = await RunModuleAsync(SoarDocument("list_rooms", PatConfig(), new JsonObject { ["limit"] = "2" }));

        var result = run.Results.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result["status"]), Is.EqualTo("success"), run.Describe);
            Assert.That(Str(result["message"]), Is.EqualTo("Total rooms: 2"));
            Assert.That(result["data"]?.AsArray(), Has.Count.EqualTo(2));
            Assert.That(result["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(result["parameter"]?["limit"]?.GetValue<string>(), Is.EqualTo("2"), "ActionResult(dict(param)) keeps SOAR's parameter");
        }
    }

    [Test]
    public async Task Module_SendMessage_SendsOnceAndReturnsTheCreatedMessage()
    {
        var run = await RunModuleAsync(SoarDocument("send_message", PatConfig(), new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vc29hcg",
            ["destination_type"] = "room",
            ["message"] = "Contained host 10.0.0.7",
        }));

        var result = run.Results.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result["status"]), Is.EqualTo("success"), run.Describe);
            Assert.That(Str(result["message"]), Is.EqualTo("Message sent successfully"));
            Assert.That(Str(result["data"]?[0]?["text"]), Is.EqualTo("Contained host 10.0.0.7"));
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Module_SendMessageWithVaultId_SendsTheVaultFileUnderItsVaultName()
    {
        const string VaultId = "4b1f0c6e9d2a7e3f5a8b0c1d2e3f4a5b6c7d8e9f";
        Directory.CreateDirectory(VaultDir);
        File.WriteAllText(Path.Combine(VaultDir, VaultId), "malware-hashes\n");
        File.WriteAllText(Path.Combine(VaultDir, VaultId + ".name"), "hashes.txt");

        var run = await RunModuleAsync(SoarDocument("send_message", PatConfig(), new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vc29hcg",
            ["destination_type"] = "room",
            ["message"] = "Hashes from the sandbox",
            ["vault_id"] = VaultId,
        }));

        var result = run.Results.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result["status"]), Is.EqualTo("success"), run.Describe);
            Assert.That(Server.UploadedFiles, Is.EqualTo(new[] { ("hashes.txt", "malware-hashes\n") }));
            Assert.That(Str(result["parameter"]?["vault_id"]), Is.EqualTo(VaultId), "the playbook's parameter is echoed as it gave it");
        }
    }

    [Test]
    public async Task Module_SendMessageWithUnknownVaultId_FailsWithoutARequest()
    {
        var run = await RunModuleAsync(SoarDocument("send_message", PatConfig(), new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vc29hcg",
            ["destination_type"] = "room",
            ["message"] = "x",
            ["vault_id"] = "0000000000000000000000000000000000000000",
        }));

        var result = run.Results.Single()!;
        Assert.That(Str(result["status"]), Is.EqualTo("failed"), run.Describe);
        Assert.That(Str(result["message"]), Does.Contain("vault_id"));
        AssertNoRequests();
    }

    [Test]
    public async Task Module_WebexFailure_SetsAppErrorWithWebexsMessage()
    {
        Server.EnqueueWebexError("/v1/people", 403, "The user is not allowed to list people.", "ROUTER_SOAR403");

        var run = await RunModuleAsync(SoarDocument("get_user", PatConfig(), new JsonObject { ["email_address"] = "ana@example.com" }));

        var result = run.Results.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result["status"]), Is.EqualTo("failed"), run.Describe);
            Assert.That(Str(result["message"]), Does.Contain("Status code: 403").And.Contain("Tracking ID: ROUTER_SOAR403"));
        }
    }

    [Test]
    public async Task Module_UnusableAssetConfig_SetsAppErrorWithTheConfigMessage()
    {
        var config = PatConfig();
        config["base_ur"] = "https://example.com/v1";

        var run = await RunModuleAsync(SoarDocument("list_rooms", config, new JsonObject()));

        var result = run.Results.Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result["status"]), Is.EqualTo("failed"), run.Describe);
            Assert.That(Str(result["message"]), Does.Contain("did you mean 'base_url'?"));
        }
    }

    [Test]
    public async Task Module_DeviceFlow_ShowsTheCodeInSaveProgressWhileWaitingThenPasses()
    {
        var device = new FakeDeviceEndpoint(Server, Tokens, ClientId, ClientSecret, Cli.RegisterSecret);
        device.Script(DevicePollAnswer.Pending400, DevicePollAnswer.Pending400);
        var config = OAuthConfig();
        config["oauth_flow"] = "device";
        config["auth_timeout_seconds"] = 30;

        await using var module = await StartModuleAsync(SoarDocument("test_connectivity", config));
        var progress = await module.WaitForStderrAsync(line => line.StartsWith("PROGRESS: To authorize, on any device open ", StringComparison.Ordinal));
        var stillWaiting = !module.HasExited;
        var run = await module.FinishAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillWaiting, Is.True, "the code reached save_progress while the binary was still waiting");
            Assert.That(progress, Does.Contain(FakeDeviceEndpoint.UserCode));
            Assert.That(Str(run.Results.Single()!["status"]), Is.EqualTo("success"), run.Describe);
            Assert.That(Str(run.Results.Single()!["message"]), Is.EqualTo("Test Connectivity Passed"));
            Assert.That(Directory.GetFiles(Path.Combine(SoarStateDir, "webex-connector"), "*_state.json"), Has.Length.EqualTo(1), "the pair lives in the app's own folder");
        }
    }

    private string SoarStateDir => Path.Combine(Cli.StateDir, "soar");

    private static JsonObject SoarDocument(string identifier, JsonObject config, params JsonObject[] parameters)
    {
        config["appname"] = "-";
        config["directory"] = "webexconnector_7d3f5b0e";
        config["main_module"] = "webexconnector_connector.py";
        var entries = parameters.Select(p =>
        {
            p["context"] = new JsonObject { ["artifact_id"] = 0, ["guid"] = Guid.NewGuid().ToString(), ["parent_action_run"] = new JsonArray() };
            return (JsonNode)p;
        });
        return new JsonObject
        {
            ["identifier"] = identifier,
            ["asset_id"] = "17",
            ["config"] = config,
            ["parameters"] = new JsonArray([.. entries]),
            ["debug_level"] = 3,
        };
    }

    private string VaultDir => Path.Combine(Cli.WorkDir, "vault");

    private async Task<ModuleRun> RunModuleAsync(JsonObject document)
    {
        await using var module = await StartModuleAsync(document);
        return await module.FinishAsync();
    }

    private async Task<RunningModule> StartModuleAsync(JsonObject document)
    {
        var app = Path.Combine(Cli.WorkDir, "app");
        if (!Directory.Exists(Path.Combine(app, "webexconnector")))
        {
            AssertExitCode(await Cli.RunAsync("soar-app", "--output", app, "--binary", Cli.WriteStandaloneExecutable()), 0);
        }

        Cli.RegisterConfigSecrets(document["config"] as JsonObject);
        var test = Cli.WriteFile("test.json", document.ToJsonString());
        Directory.CreateDirectory(SoarStateDir);
        var start = new ProcessStartInfo("python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Cli.WorkDir,
            ArgumentList = { Path.Combine(app, "webexconnector", "webexconnector_connector.py"), test },
        };
        start.Environment["PYTHONPATH"] = Path.Combine(TestContext.CurrentContext.TestDirectory, "SoarStandIn");
        start.Environment["SOAR_STANDIN_STATE_DIR"] = SoarStateDir;
        start.Environment["SOAR_STANDIN_VAULT_DIR"] = VaultDir;
        start.Environment["HOME"] = Cli.HomeDir;
        start.Environment["XDG_STATE_HOME"] = Cli.XdgStateHome;
        start.Environment.Remove("WEBEX_CONNECTOR_STATE_DIR");
        return new RunningModule(this, Process.Start(start)!);
    }

    private sealed record ModuleRun(CliResult Output, JsonArray Results)
    {
        public string Describe() => Output.Describe();
    }

    /// <summary>python3 running the module: stderr read line by line as it comes, stdout at the end.</summary>
    private sealed class RunningModule : IAsyncDisposable
    {
        private readonly SoarAppTests _test;
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _stderr = new();
        private readonly Task<string> _stdout;
        private readonly Task _pump;

        public RunningModule(SoarAppTests test, Process process)
        {
            _test = test;
            _process = process;
            process.StandardInput.Close();
            _stdout = process.StandardOutput.ReadToEndAsync();
            _pump = PumpAsync();
        }

        public bool HasExited => _process.HasExited;

        public async Task<string> WaitForStderrAsync(Func<string, bool> match)
        {
            using var timeout = new CancellationTokenSource(Limit);
            while (await _lines.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }

            Assert.Fail($"No matching stderr line. stderr so far:{Environment.NewLine}{_stderr}");
            return "";
        }

        public async Task<ModuleRun> FinishAsync()
        {
            using var timeout = new CancellationTokenSource(Limit);
            await _process.WaitForExitAsync(timeout.Token);
            await _pump.WaitAsync(Limit);
            var stdout = await _stdout.WaitAsync(Limit);
            string stderr;
            lock (_stderr)
            {
                stderr = _stderr.ToString();
            }

            var output = new CliResult(_process.ExitCode, stdout, stderr, ["python3", "webexconnector_connector.py", "test.json"]);
            _test.Cli.AssertHygiene(output);
            Assert.That(output.ExitCode, Is.Zero, output.Describe);
            return new ModuleRun(output, JsonNode.Parse(stdout)!.AsArray());
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task PumpAsync()
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(line);
                }

                await _lines.Writer.WriteAsync(line);
            }

            _lines.Writer.Complete();
        }
    }
}
