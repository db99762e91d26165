#include "azureml_emulator/FaultTable.h"

#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <stdexcept>

#include "JsonText.h"

namespace azureml_emulator {

namespace {

const std::pair<FaultKind, const char*> kKindNames[] = {
    {FaultKind::Status, "status"},
    {FaultKind::ResetBeforeHeaders, "reset-before-headers"},
    {FaultKind::ResetAfterHeaders, "reset-after-headers"},
    {FaultKind::TruncatedBody, "truncated-body"},
    {FaultKind::MalformedJson, "malformed-json"},
    {FaultKind::WrongContentType, "wrong-content-type"},
    {FaultKind::Trickle, "trickle"},
    {FaultKind::OversizedBody, "oversized-body"},
    {FaultKind::PutAppliedResponseLost, "put-applied-response-lost"},
};

const char* kRoutes[] = {"token",
                         "imds",
                         "appservice",
                         "workspace",
                         "discovery",
                         "jobs.list",
                         "jobs.get",
                         "jobs.put",
                         "jobs.cancel",
                         "history.run",
                         "history.children",
                         "computes.get",
                         "components.get",
                         "datastores.list",
                         "datastores.get",
                         "*"};

void checkRoute(const std::string& route) {
  for (const char* known : kRoutes)
    if (route == known) return;
  throw std::invalid_argument(
      "unknown fault route '" + route +
      "'; use token, imds, appservice, workspace, discovery, jobs.list, jobs.get, jobs.put, "
      "jobs.cancel, history.run, history.children, computes.get, components.get, "
      "datastores.list, datastores.get or *");
}

int toInt(const std::string& key, const std::string& text) {
  int value = 0;
  if (!Poco::NumberParser::tryParse(text, value))
    throw std::invalid_argument("fault setting '" + key + "' needs a whole number, got '" + text + "'");
  return value;
}

// Applies one setting; shared by the command-line and the JSON forms so both accept the same names.
void applySetting(Fault& fault, const std::string& key, const std::string& value) {
  if (key == "kind") {
    fault.kind = Fault::kindFromName(value);
  } else if (key == "status") {
    fault.status = toInt(key, value);
  } else if (key == "retryAfter") {
    fault.retryAfter = value;
  } else if (key == "retryAfterMs") {
    fault.retryAfterMs = toInt(key, value);
  } else if (key == "count") {
    fault.count = toInt(key, value);
  } else if (key == "delayMs") {
    fault.delayMs = toInt(key, value);
  } else if (key == "chunkBytes") {
    fault.chunkBytes = static_cast<size_t>(toInt(key, value));
  } else if (key == "sizeBytes") {
    fault.sizeBytes = static_cast<size_t>(toInt(key, value));
  } else if (key == "route") {
    checkRoute(value);
    fault.route = value;
  } else {
    throw std::invalid_argument(
        "unknown fault setting '" + key +
        "'; use kind, status, retryAfter, retryAfterMs, count, delayMs, chunkBytes, sizeBytes");
  }
}

void validate(const Fault& fault) {
  if (fault.kind == FaultKind::Status && (fault.status < 400 || fault.status > 599))
    throw std::invalid_argument("a status fault needs a status between 400 and 599, got " +
                                std::to_string(fault.status));
  if (fault.count == 0 || fault.count < -1)
    throw std::invalid_argument("fault count must be positive or -1 (forever)");
  if (fault.kind == FaultKind::Trickle && fault.chunkBytes == 0)
    throw std::invalid_argument("trickle needs chunkBytes of at least 1");
}

}  // namespace

std::string Fault::kindName(FaultKind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "status";
}

FaultKind Fault::kindFromName(const std::string& name) {
  for (const auto& [k, known] : kKindNames)
    if (name == known) return k;
  throw std::invalid_argument(
      "unknown fault kind '" + name +
      "'; use status, reset-before-headers, reset-after-headers, truncated-body, "
      "malformed-json, wrong-content-type, trickle, oversized-body, put-applied-response-lost");
}

Fault Fault::parse(const std::string& routeColonSpec) {
  const size_t colon = routeColonSpec.find(':');
  if (colon == std::string::npos)
    throw std::invalid_argument("fault '" + routeColonSpec +
                                "' must look like ROUTE:SPEC, e.g. jobs.get:503,count=2");
  Fault fault;
  fault.route = routeColonSpec.substr(0, colon);
  checkRoute(fault.route);
  const std::string spec = routeColonSpec.substr(colon + 1);
  size_t start = 0;
  bool firstItem = true;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string item = spec.substr(start, end - start);
    const size_t eq = item.find('=');
    if (eq != std::string::npos) {
      applySetting(fault, item.substr(0, eq), item.substr(eq + 1));
    } else if (firstItem && !item.empty()) {
      // The first bare item is the kind, or a status code as shorthand for kind=status.
      int status = 0;
      if (Poco::NumberParser::tryParse(item, status)) {
        fault.kind = FaultKind::Status;
        fault.status = status;
      } else {
        fault.kind = kindFromName(item);
      }
    } else if (!item.empty()) {
      throw std::invalid_argument("fault setting '" + item + "' must look like key=value");
    }
    firstItem = false;
    start = end + 1;
  }
  validate(fault);
  return fault;
}

Fault Fault::fromJson(const std::string& text) {
  auto object = json::parseObject(text);
  Fault fault;
  for (const auto& name : object->getNames()) {
    const auto value = object->get(name);
    applySetting(fault, name, value.isEmpty() ? "" : value.convert<std::string>());
  }
  if (!object->has("route"))
    throw std::invalid_argument("a fault needs a \"route\", e.g. \"jobs.get\" or \"*\"");
  if (object->has("status") && !object->has("kind")) fault.kind = FaultKind::Status;
  validate(fault);
  return fault;
}

std::string Fault::toJson() const {
  return "{\"route\":" + json::quote(route) + ",\"kind\":" + json::quote(kindName(kind)) +
         ",\"status\":" + std::to_string(status) + ",\"retryAfter\":" + json::quote(retryAfter) +
         ",\"retryAfterMs\":" + std::to_string(retryAfterMs) + ",\"count\":" + std::to_string(count) +
         ",\"delayMs\":" + std::to_string(delayMs) + ",\"chunkBytes\":" + std::to_string(chunkBytes) +
         ",\"sizeBytes\":" + std::to_string(sizeBytes) + "}";
}

void FaultTable::add(const Fault& fault) {
  std::lock_guard<std::mutex> lock(mutex_);
  faults_.push_back(fault);
  any_ = true;
}

void FaultTable::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  faults_.clear();
  any_ = false;
}

std::optional<Fault> FaultTable::take(const std::string& route) {
  if (!any_.load(std::memory_order_acquire)) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (it->route != route && it->route != "*") continue;
    Fault hit = *it;
    if (it->count > 0 && --it->count == 0) faults_.erase(it);
    any_ = !faults_.empty();
    return hit;
  }
  return std::nullopt;
}

std::vector<Fault> FaultTable::list() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return faults_;
}

std::string FaultTable::toJson() const {
  std::string out = "[";
  bool first = true;
  for (const auto& fault : list()) {
    if (!first) out += ',';
    first = false;
    out += fault.toJson();
  }
  return out + "]";
}

}  // namespace azureml_emulator
