#!/usr/bin/env python3
# Splunk SOAR connector module of the Webex Connector app, written by `webex-connector soar-app`.
# Every action runs the bundled executable (bin/webex-connector run -) once per parameter entry; the
# executable does the Webex work, redacts every secret it prints, and answers with one JSON document.
# Standard library only.
import json
import os
import subprocess
import sys
import threading

import phantom.app as phantom
from phantom import vault
from phantom.action_result import ActionResult
from phantom.base_connector import BaseConnector

APP_DIR = os.path.dirname(os.path.abspath(__file__))
BINARY = os.path.join(APP_DIR, "bin", "webex-connector")

# The connector's own bounds (asset.schema.json defaults): ten request timeouts plus 120 s of retry waits per
# action, plus the time a person may take to authorize in test connectivity. Past that the binary is stopped.
DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_AUTH_TIMEOUT_SECONDS = 300.0
RETRY_BUDGET_SECONDS = 120.0
GRACE_SECONDS = 30.0


def _seconds(config, key, default):
    try:
        value = float(config.get(key) or default)
        return value if value > 0 else default
    except (TypeError, ValueError):
        return default


class WebexConnectorConnector(BaseConnector):
    def _state_folder(self):
        # A folder of its own: SOAR keeps {asset_id}_state.json in get_state_dir(), and the connector refuses a
        # folder others can write to, so it is created private.
        folder = os.path.join(self.get_state_dir(), "webex-connector")
        os.makedirs(folder, mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
        return folder

    def _ensure_executable(self):
        # Some installs drop the execute bit; the binary is ours, so restore it.
        if not os.access(BINARY, os.X_OK):
            os.chmod(BINARY, 0o755)

    def _run_binary(self, document, config):
        timeout = (
            _seconds(config, "timeout_seconds", DEFAULT_TIMEOUT_SECONDS) * 10
            + RETRY_BUDGET_SECONDS
            + _seconds(config, "auth_timeout_seconds", DEFAULT_AUTH_TIMEOUT_SECONDS)
            + GRACE_SECONDS
        )
        process = subprocess.Popen(
            [BINARY, "run", "-", "--state-dir", self._state_folder()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        stdout = []
        reader = threading.Thread(target=lambda: stdout.append(process.stdout.read()), daemon=True)
        reader.start()
        timed_out = threading.Event()

        def stop():
            timed_out.set()
            process.kill()

        watchdog = threading.Timer(timeout, stop)
        watchdog.daemon = True
        watchdog.start()
        try:
            process.stdin.write(json.dumps(document).encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:
            pass  # the binary exited early; its exit code and stderr say why
        last_line = ""
        try:
            # Each stderr line as it arrives: the device-flow code and URL appear while the binary waits.
            for raw in iter(process.stderr.readline, b""):
                line = raw.decode("utf-8", "replace").rstrip()
                if line:
                    last_line = line
                    self.save_progress(line)
            process.wait()
        finally:
            watchdog.cancel()
        reader.join(10)
        output = stdout[0] if stdout else b""
        return process.returncode, output, last_line, timed_out.is_set(), timeout

    def handle_action(self, param):
        action_result = self.add_action_result(ActionResult(dict(param)))
        config = self.get_config() or {}
        entry = {key: value for key, value in dict(param).items() if key != "context"}
        if entry.get("vault_id"):
            # The executable cannot read SOAR's vault: the file goes to it as a path, under its vault name.
            try:
                found, message, info = vault.vault_info(vault_id=entry["vault_id"])
            except Exception as error:  # the vault API raises on ids it cannot parse
                found, message, info = False, str(error), None
            if not found or not info:
                return action_result.set_status(
                    phantom.APP_ERROR, "Parameter 'vault_id': no file with that id in the vault ({}).".format(message or "not found"))
            entry["file_path"] = info[0]["path"]
            entry.setdefault("file_name", info[0].get("name") or os.path.basename(info[0]["path"]))
            del entry["vault_id"]
        document = {
            "identifier": self.get_action_identifier(),
            "asset_id": str(self.get_asset_id()),
            "config": config,
            "parameters": [entry],
        }
        try:
            self._ensure_executable()
            code, output, last_line, timed_out, timeout = self._run_binary(document, config)
        except OSError as error:
            return action_result.set_status(phantom.APP_ERROR, "Could not start the bundled webex-connector: {}".format(error.strerror or error))
        if timed_out:
            return action_result.set_status(phantom.APP_ERROR, "webex-connector did not finish within {:.0f} s and was stopped.".format(timeout))
        try:
            result = json.loads(output.decode("utf-8"))
        except ValueError:
            detail = " ({})".format(last_line) if last_line else ""
            return action_result.set_status(
                phantom.APP_ERROR, "webex-connector exited with code {} without a result document{}.".format(code, detail))
        results = result.get("result_data") or []
        if not results:
            # Exit code 2: the invocation itself was unusable (asset config, identifier); the top-level message says why.
            return action_result.set_status(phantom.APP_ERROR, result.get("message") or "webex-connector failed (exit code {}).".format(code))
        first = results[0]
        for item in first.get("data") or []:
            action_result.add_data(item)
        action_result.update_summary(first.get("summary") or {})
        status = phantom.APP_SUCCESS if first.get("status") == "success" else phantom.APP_ERROR
        return action_result.set_status(status, first.get("message") or "")


def main():
    # The debugging convention of SOAR apps: python3 webexconnector_connector.py test.json [-u user -p password]
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("input_test_json", help="Input Test JSON file")
    parser.add_argument("-u", "--username", help="username (not needed: the app does not call SOAR's REST API)")
    parser.add_argument("-p", "--password", help="password (not needed)")
    args = parser.parse_args()
    with open(args.input_test_json) as f:
        in_json = json.load(f)
    connector = WebexConnectorConnector()
    connector.print_progress_message = True
    result = connector._handle_action(json.dumps(in_json), None)
    print(json.dumps(json.loads(result), indent=4))
    return 0


if __name__ == "__main__":
    sys.exit(main())
