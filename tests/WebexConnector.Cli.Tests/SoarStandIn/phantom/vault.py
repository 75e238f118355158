# Stand-in of SOAR's vault API (shared/soar-app.md): vault_info(vault_id=...) -> (ok, message, [{"path", "name"}]).
# The test keeps a vault as a folder ($SOAR_STANDIN_VAULT_DIR): the file <vault_id> and its name in <vault_id>.name.
import os


def vault_info(vault_id=None, **_):
    folder = os.environ.get("SOAR_STANDIN_VAULT_DIR") or ""
    path = os.path.join(folder, vault_id or "")
    if not folder or not vault_id or os.sep in vault_id or not os.path.isfile(path):
        return False, "Vault ID not found", []
    with open(path + ".name", encoding="utf-8") as name:
        return True, "Success", [{"path": path, "name": name.read().strip(), "vault_id": vault_id}]
