#include "SeedLoader.h"

#include <Poco/JSON/Array.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "DemoSeed.h"
#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

std::string substitute(std::string text, const EmulatorState& state) {
  const std::pair<std::string, std::string> variables[] = {
      {"${workspaceId}", state.context->workspaceId()},
      {"${subscription}", state.options.subscription},
      {"${resourceGroup}", state.options.resourceGroup},
      {"${workspace}", state.options.workspace},
      {"${tenant}", state.options.tenant},
  };
  for (const auto& [name, value] : variables)
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
      text.replace(at, name.size(), value);
  return text;
}

Poco::JSON::Array::Ptr arrayOf(const Poco::JSON::Object::Ptr& seed, const std::string& key) {
  if (!seed->has(key)) return new Poco::JSON::Array();
  auto array = seed->getArray(key);
  if (array.isNull()) throw std::invalid_argument("\"" + key + "\" must be an array");
  return array;
}

std::string roleOf(const Poco::JSON::Object::Ptr& entry) {
  const std::string role = json::stringOf(entry, "role");
  return role.empty() ? "Contributor" : role;
}

void loadClients(EmulatorState& state, const Poco::JSON::Object::Ptr& seed) {
  auto clients = arrayOf(seed, "clients");
  for (size_t i = 0; i < clients->size(); ++i) {
    auto entry = clients->getObject(static_cast<unsigned>(i));
    if (entry.isNull()) throw std::invalid_argument("clients[" + std::to_string(i) + "] must be an object");
    std::string tenant = json::stringOf(entry, "tenant");
    if (tenant.empty()) tenant = state.options.tenant;
    const std::string clientId = json::stringOf(entry, "clientId");
    if (clientId.empty()) throw std::invalid_argument("clients[" + std::to_string(i) + "] needs a clientId");
    if (entry->has("secret"))
      state.clients.addSecret(tenant, clientId, json::stringOf(entry, "secret"), roleOf(entry));
    if (entry->has("certificatePem"))
      state.clients.addCertificate(tenant, clientId, json::stringOf(entry, "certificatePem"), roleOf(entry));
    if (entry->has("certificateFile")) {
      std::ifstream in(json::stringOf(entry, "certificateFile"));
      if (!in) throw std::invalid_argument("cannot read certificateFile of client " + clientId);
      std::stringstream pem;
      pem << in.rdbuf();
      state.clients.addCertificate(tenant, clientId, pem.str(), roleOf(entry));
    }
    if (entry->has("federated") && entry->getValue<bool>("federated"))
      state.clients.addFederated(tenant, clientId, roleOf(entry));
  }
  auto identities = arrayOf(seed, "managedIdentities");
  for (size_t i = 0; i < identities->size(); ++i) {
    auto entry = identities->getObject(static_cast<unsigned>(i));
    if (entry.isNull() || json::stringOf(entry, "clientId").empty())
      throw std::invalid_argument("managedIdentities[" + std::to_string(i) + "] needs a clientId");
    state.clients.addManagedIdentity(json::stringOf(entry, "clientId"), roleOf(entry));
  }
}

void loadTemplates(EmulatorState& state, const Poco::JSON::Object::Ptr& seed) {
  auto templates = arrayOf(seed, "templates");
  for (size_t i = 0; i < templates->size(); ++i) {
    auto entry = templates->getObject(static_cast<unsigned>(i));
    const std::string name = entry.isNull() ? "" : json::stringOf(entry, "name");
    if (name.empty()) throw std::invalid_argument("templates[" + std::to_string(i) + "] needs a name");
    auto properties = json::objectOf(entry, "properties");
    if (properties.isNull()) throw std::invalid_argument("template '" + name + "' needs \"properties\"");
    const std::string created = json::stringOf(entry, "createdAt");
    state.workspace.addTemplate(name, json::write(properties), json::stringOf(entry, "status"),
                                created.empty() ? 0 : timetext::parseIso8601(created));
  }
}

}  // namespace

void SeedLoader::load(EmulatorState& state, const std::string& text, const std::string& origin) {
  try {
    auto seed = json::parseObject(substitute(text, state));
    loadClients(state, seed);
    loadTemplates(state, seed);
    if (auto generate = json::objectOf(seed, "generate"); !generate.isNull()) {
      if (generate->has("largeTemplateSteps"))
        state.workspace.generateLargeTemplate(
            static_cast<size_t>(generate->getValue<int>("largeTemplateSteps")));
      if (generate->has("jobs"))
        state.workspace.generateJobs(static_cast<size_t>(generate->getValue<int>("jobs")),
                                     json::stringOf(generate, "fromTemplate"));
    }
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("seed " + origin + ": " + e.displayText());
  } catch (const std::exception& e) {
    throw std::invalid_argument("seed " + origin + ": " + e.what());
  }
}

void SeedLoader::loadFile(EmulatorState& state, const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::invalid_argument("cannot read seed file '" + path + "'; check the path given to --seed");
  std::stringstream text;
  text << in.rdbuf();
  load(state, text.str(), "'" + path + "'");
}

void SeedLoader::loadDemo(EmulatorState& state) { load(state, demoSeedText(), "(built-in demo)"); }

}  // namespace azureml_emulator
