#include "E2eFixture.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

namespace e2e {

azureml_emulator::EmulatorOptions E2eTest::makeOptions() {
  azureml_emulator::EmulatorOptions options;
  options.https = true;
  options.stepMillis = 25;  // a run lasts well under a second, also under the sanitizers
  return options;
}

void E2eTest::SetUp() {
  emulator = std::make_unique<azureml_emulator::Emulator>(makeOptions());
  emulator->registerClientSecret(emulator->options().tenant, kClientId, kClientSecret);
  emulator->start();
  services = std::make_unique<host::HostServices>(logger, host::TokenSource());
  watcher = std::make_unique<host::InterruptWatcher>(logger);
  registry = std::make_unique<host::PluginRegistry>(*services);
  registry->scan(E2E_PLUGIN_DIR);
  resolved = registry->resolveJobType(kJobType);
  ASSERT_NE(resolved.jobType, nullptr);
  connection = connect();
}

void E2eTest::TearDown() {
  connection.reset();  // destroy the instance before the plugin and the watcher go
  registry.reset();
  watcher.reset();
  services.reset();
  emulator.reset();
  const std::string log = hostLog();
  EXPECT_EQ(log.find(kClientSecret), std::string::npos) << "the client secret reached the host's log";
  EXPECT_EQ(log.find("Bearer ey"), std::string::npos) << "a token reached the host's log";
  if (logFile) std::fclose(logFile);
  logFile = nullptr;
}

std::string E2eTest::hostLog() const {
  if (!logFile) return {};
  std::fflush(logFile);
  std::string text;
  std::rewind(logFile);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, logFile)) > 0) text.append(buffer, n);
  std::fseek(logFile, 0, SEEK_END);
  return text;
}

Attributes E2eTest::attributes(const Attributes& changes) const {
  const auto& o = emulator->options();
  Attributes all{
      {"Subscription Id", o.subscription},
      {"Resource Group Name", o.resourceGroup},
      {"Workspace Name", o.workspace},
      {"Authentication Method", "Service Principal"},
      {"Tenant Id", o.tenant},
      {"Client Id", kClientId},
      {"Client Secret", kClientSecret},
      {"Resource Manager Endpoint", emulator->baseUrl()},
      {"Authority Host", emulator->baseUrl()},
      {"CA Bundle Path", emulator->caCertPath()},
      {"Request Timeout Seconds", "20"},
  };
  for (const auto& [key, value] : changes) {
    if (value.empty()) {
      all.erase(key);
    } else {
      all[key] = value;
    }
  }
  return all;
}

std::unique_ptr<host::PlatformConnection> E2eTest::connect(const Attributes& changes,
                                                           std::chrono::milliseconds callTimeout) {
  std::vector<host::Setting> settings;
  for (const auto& [key, value] : attributes(changes))
    settings.push_back({key, value, key == "Client Secret"});
  host::CallOptions options;
  options.callTimeout = callTimeout;
  return std::make_unique<host::PlatformConnection>(resolved.plugin, *resolved.jobType, settings,
                                                    watcher.get(), options);
}

std::string E2eTest::platformFile(const Attributes& changes) {
  if (changes.empty() && !platformFile_.empty()) return platformFile_;
  Poco::JSON::Object doc;
  for (const auto& [key, value] : attributes(changes)) doc.set(key, value);
  std::ostringstream text;
  doc.stringify(text);
  static int files = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string path = host_test::writeTempFile(
      std::string(info->test_suite_name()) + "." + info->name() + "." + std::to_string(++files) + ".json",
      text.str());
  if (changes.empty()) platformFile_ = path;
  return path;
}

void E2eTest::addTemplate(const std::string& name, const std::string& tagsJson) {
  const std::string compute = emulator->workspaceArmId() + "/computes/cpu-cluster";
  emulator->workspace().addTemplate(
      name,
      R"({"jobType":"Pipeline","displayName":")" + name + R"(","experimentName":"e2e","computeId":")" +
          compute + R"(","tags":)" + tagsJson +
          R"(,"inputs":{"greeting":{"jobInputType":"literal","value":"hello"}},)"
          R"("outputs":{"result":{"jobOutputType":"uri_folder","mode":"ReadWriteMount"}},)"
          R"("jobs":{"first_step":{"type":"command","component":"azureml:first:1","inputs":{"greeting":{"job_input_type":"literal","value":"${{parent.inputs.greeting}}"}}},)"
          R"("second_step":{"type":"command","component":"azureml:second:1","outputs":{"out":"${{parent.outputs.result}}"}}},)"
          R"("settings":{"default_compute":")" +
          compute + R"(","continue_on_step_failure":false}})");
}

host::RunParameter E2eTest::input(const std::string& name, const std::string& value, int32_t type) {
  host::RunParameter p;
  p.name = name;
  p.direction = PSJ_DIRECTION_INPUT;
  p.dataType = type;
  p.value = value;
  p.secret = type == PSJ_TYPE_SECRET;
  return p;
}

host::RunParameter E2eTest::output(const std::string& name, int32_t direction) {
  host::RunParameter p;
  p.name = name;
  p.direction = direction;
  return p;
}

host::RunRequest E2eTest::request(const std::string& externalId, std::vector<host::RunParameter> parameters,
                                  const std::string& idempotencyKey) {
  host::RunRequest r;
  r.externalId = externalId;
  r.displayName = "E2E " + externalId;
  r.idempotencyKey = idempotencyKey;
  r.parameters = std::move(parameters);
  return r;
}

std::vector<host::RunStatus> E2eTest::pollUntilTerminal(const std::string& runId,
                                                        const std::vector<host::RunParameter>& parameters,
                                                        host::PlatformConnection* target) {
  std::vector<host::RunStatus> seen;
  for (int i = 0; i < 3000; ++i) {
    seen.push_back((target ? target : connection.get())->poll(runId, parameters));
    if (PSJ_STATE_IS_TERMINAL(seen.back().state)) return seen;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "run " << runId << " did not finish";
  return seen;
}

host::OperationError E2eTest::expectError(const std::function<void()>& call) {
  try {
    call();
  } catch (const host::OperationError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an OperationError";
  return host::OperationError(PSJ_E_INTERNAL, "no error");
}

std::vector<std::string> E2eTest::cliArgs(std::vector<std::string> args) {
  const bool hasPlatform = std::find(args.begin(), args.end(), "--platform") != args.end();
  if (!hasPlatform) args.insert(args.begin(), {"--platform", platformFile()});
  args.insert(args.begin(), {"--json", "--plugin-dir", E2E_PLUGIN_DIR});
  return args;
}

std::vector<azureml_emulator::JournalEntry> E2eTest::journal(const std::string& route) const {
  return emulator->journal().entries(route);
}

size_t E2eTest::runsInWorkspace() const { return emulator->workspace().jobCount() - kSeedTemplates; }

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
  Poco::JSON::Parser parser;  // keys sorted: stringify then compares as JSON, whatever the order sent
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

namespace {

Poco::Dynamic::Var walk(const std::string& documentText, std::initializer_list<const char*> path,
                        bool& found) {
  Poco::Dynamic::Var value = parseObject(documentText);
  found = true;
  for (const char* key : path) {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
      found = false;
      return {};
    }
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    if (!object->has(key)) {
      found = false;
      return {};
    }
    value = object->get(key);
  }
  return value;
}

}  // namespace

std::string memberJson(const std::string& documentText, std::initializer_list<const char*> path) {
  bool found = false;
  const auto value = walk(documentText, path, found);
  if (!found) return "<absent>";
  std::ostringstream text;
  Poco::JSON::Stringifier::condense(value, text);
  return text.str();
}

std::vector<std::string> keysOf(const std::string& documentText, std::initializer_list<const char*> path) {
  bool found = false;
  const auto value = walk(documentText, path, found);
  std::vector<std::string> keys;
  if (!found || value.type() != typeid(Poco::JSON::Object::Ptr)) return keys;
  value.extract<Poco::JSON::Object::Ptr>()->getNames(keys);
  return keys;
}

}  // namespace e2e
