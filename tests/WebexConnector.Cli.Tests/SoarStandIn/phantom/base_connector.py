import json
import os
import sys


class BaseConnector:
    """SOAR calls _handle_action(in_json, handle); the base class runs handle_action once per parameter entry."""

    def __init__(self):
        self._doc = {}
        self._results = []
        self.print_progress_message = False

    def _handle_action(self, in_json, handle):
        self._doc = json.loads(in_json)
        self.initialize()
        for param in self._doc.get("parameters") or [{}]:
            self.handle_action(param)
        self.finalize()
        return json.dumps([result.to_dict() for result in self._results])

    def initialize(self):
        return True

    def finalize(self):
        return True

    def get_action_identifier(self):
        return self._doc.get("identifier")

    def get_config(self):
        return self._doc.get("config") or {}

    def get_asset_id(self):
        return self._doc.get("asset_id")

    def get_state_dir(self):
        return os.environ["SOAR_STANDIN_STATE_DIR"]

    def save_progress(self, message, *args):
        # One line per call, flushed, so a test sees it while the action still runs.
        sys.stderr.write("PROGRESS: " + message + "\n")
        sys.stderr.flush()

    def add_action_result(self, action_result):
        self._results.append(action_result)
        return action_result
