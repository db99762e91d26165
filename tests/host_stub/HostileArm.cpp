#include "HostileArm.h"

#include "HostProcess.h"

namespace host_test {

HostileArm::HostileArm(Route route)
    : route_(std::move(route)), server_([this](armtest::ScriptedConnection& connection) {
        while (auto raw = connection.readRequest()) route_(parse(*raw), connection);
      }) {}

std::string HostileArm::endpoint() const {
  std::string url = server_.url("");
  return url;
}

std::string HostileArm::workspacePath() {
  return std::string("/subscriptions/") + kSubscription + "/resourceGroups/" + kResourceGroup +
         "/providers/Microsoft.MachineLearningServices/workspaces/" + kWorkspace;
}

ArmRequest HostileArm::parse(const std::string& raw) {
  ArmRequest request;
  const std::size_t lineEnd = raw.find("\r\n");
  const std::string line = raw.substr(0, lineEnd);
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = line.find(' ', sp1 + 1);
  request.method = line.substr(0, sp1);
  const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::size_t q = target.find('?');
  request.path = target.substr(0, q);
  if (q != std::string::npos) request.query = target.substr(q + 1);
  const std::size_t headEnd = raw.find("\r\n\r\n");
  if (headEnd != std::string::npos) request.body = raw.substr(headEnd + 4);

  request.route = "other";
  const std::string ws = workspacePath();
  if (request.path.compare(0, ws.size(), ws) != 0) return request;
  const std::string rest = request.path.substr(ws.size());
  if (rest.empty()) {
    request.route = "workspace";
  } else if (rest == "/jobs") {
    request.route = "jobs.list";
  } else if (rest.compare(0, 6, "/jobs/") == 0) {
    std::string name = rest.substr(6);
    const std::string cancel = "/cancel";
    if (name.size() > cancel.size() &&
        name.compare(name.size() - cancel.size(), cancel.size(), cancel) == 0) {
      request.route = "jobs.cancel";
      name.resize(name.size() - cancel.size());
    } else {
      request.route = request.method == "PUT" ? "jobs.put" : "jobs.get";
    }
    request.job = name;
  }
  return request;
}

std::vector<ArmRequest> HostileArm::requests() const {
  std::vector<ArmRequest> parsed;
  for (const std::string& raw : server_.requests()) parsed.push_back(parse(raw));
  return parsed;
}

std::string HostileArm::platformFile(const std::map<std::string, std::string>& changes) const {
  std::map<std::string, std::string> attributes{
      {"Subscription Id", kSubscription},
      {"Resource Group Name", kResourceGroup},
      {"Workspace Name", kWorkspace},
      {"Authentication Method", "Polysync Service Principal"},
      {"Resource Manager Endpoint", endpoint()},
      {"Allow Plain HTTP To Loopback", "true"},
      {"Request Timeout Seconds", "20"},
  };
  for (const auto& [key, value] : changes) {
    if (value.empty()) {
      attributes.erase(key);
    } else {
      attributes[key] = value;
    }
  }
  std::string json = "{";
  for (const auto& [key, value] : attributes) {
    if (json.size() > 1) json += ',';
    json += "\"" + key + "\":\"" + value + "\"";
  }
  json += "}";
  static int counter = 0;
  return writeTempFile("hostile-arm-platform-" + std::to_string(counter++) + ".json", json);
}

std::vector<std::string> HostileArm::hostArgs(std::vector<std::string> args, bool json,
                                              const std::map<std::string, std::string>& changes) const {
  static const std::string tokenFile = writeTempFile("hostile-arm-token.txt", "hostile-arm-host-token");
  std::vector<std::string> all{"--plugin-dir",        REAL_PLUGIN_DIR,     "--platform",
                               platformFile(changes), "--host-token-file", tokenFile};
  if (json) all.insert(all.begin(), "--json");
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

std::string HostileArm::jsonReply(int status, const std::string& body, const std::string& extraHeaders) {
  const bool ownRequestId = extraHeaders.find("x-ms-request-id:") != std::string::npos;
  return "HTTP/1.1 " + std::to_string(status) +
         " Scripted\r\nContent-Type: application/json; charset=utf-8\r\n" +
         "Content-Length: " + std::to_string(body.size()) + "\r\n" +
         (ownRequestId ? "" : "x-ms-request-id: hostile-req-1\r\n") + extraHeaders + "\r\n" + body;
}

std::string HostileArm::workspaceBody() {
  return "{\"id\":\"" + workspacePath() + "\",\"name\":\"" + kWorkspace +
         "\",\"type\":\"Microsoft.MachineLearningServices/workspaces\",\"location\":\"eastus\","
         "\"properties\":{\"friendlyName\":\"" +
         kWorkspace + "\"}}";
}

std::string HostileArm::jobBody(const std::string& name, const std::string& status,
                                const std::string& properties) {
  return "{\"id\":\"" + workspacePath() + "/jobs/" + name + "\",\"name\":\"" + name +
         "\",\"type\":\"Microsoft.MachineLearningServices/workspaces/jobs\",\"properties\":{\"jobType\":"
         "\"Pipeline\",\"status\":\"" +
         status + "\"" + (properties.empty() ? "" : "," + properties) + "}}";
}

std::string HostileArm::listBody(const std::vector<std::string>& jobs, const std::string& nextLink) {
  std::string body = "{\"value\":[";
  for (std::size_t i = 0; i < jobs.size(); ++i) body += (i ? "," : "") + jobs[i];
  body += "]";
  if (!nextLink.empty()) body += ",\"nextLink\":\"" + nextLink + "\"";
  return body + "}";
}

}  // namespace host_test
