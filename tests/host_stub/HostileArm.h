// HostileArm: a stand-in for Azure Resource Manager on 127.0.0.1 (plain HTTP) that answers the workspace and
// jobs API the way Azure does but lies where it can: names, texts, links and bodies are whatever the test
// scripts. The real plugin reaches it through polysync-host-stub with the platform file below (sign-in with
// the host's token, `Allow Plain HTTP To Loopback` on), so a test sees exactly what a user would see.
//
// Threads: the route runs on the server's connection threads; keep what it captures thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ScriptedServer.h"

namespace host_test {

struct ArmRequest {
  std::string method;  // "GET", "PUT", "POST"
  std::string path;    // without the query
  std::string query;   // without the '?'
  std::string body;
  // What the request is for: "workspace", "jobs.list", "jobs.get", "jobs.put", "jobs.cancel" or "other";
  // `job` is the job name of the last three (percent-encoded, as sent).
  std::string route;
  std::string job;
};

class HostileArm {
 public:
  static constexpr const char* kSubscription = "00000000-1111-2222-3333-444444444444";
  static constexpr const char* kResourceGroup = "hostile-rg";
  static constexpr const char* kWorkspace = "hostile-ws";

  // `route` writes the whole reply for a request (e.g. connection.send(jsonReply(200, body))), or nothing at
  // all to stay silent until the client gives up.
  using Route = std::function<void(const ArmRequest&, armtest::ScriptedConnection&)>;
  explicit HostileArm(Route route);

  std::string endpoint() const;  // http://127.0.0.1:PORT
  // The ARM path of the workspace ("/subscriptions/.../workspaces/ws").
  static std::string workspacePath();
  // Every request received so far (parsed).
  std::vector<ArmRequest> requests() const;

  // A platform file pointing the real plugin here; `changes` replace or add attributes.
  std::string platformFile(const std::map<std::string, std::string>& changes = {}) const;
  // polysync-host-stub [--json] --plugin-dir <real plugin> --platform <file> --host-token-file <file> ARGS...
  std::vector<std::string> hostArgs(std::vector<std::string> args, bool json = true,
                                    const std::map<std::string, std::string>& changes = {}) const;

  // A complete HTTP/1.1 reply with a JSON body.
  static std::string jsonReply(int status, const std::string& body, const std::string& extraHeaders = "");
  // A workspace resource as Azure returns it (no discovery URL, so nothing reads Run History).
  static std::string workspaceBody();
  // A pipeline job resource named `name`; `properties` is spliced into its properties object as members.
  static std::string jobBody(const std::string& name, const std::string& status = "Completed",
                             const std::string& properties = "");
  // A job list page holding `jobs` (JSON objects) and, when not empty, `nextLink`.
  static std::string listBody(const std::vector<std::string>& jobs, const std::string& nextLink = "");

 private:
  static ArmRequest parse(const std::string& raw);

  Route route_;
  armtest::ScriptedServer server_;
};

}  // namespace host_test
