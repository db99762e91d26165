#include "JobBody.h"

#include <Poco/String.h>

#include <algorithm>
#include <set>
#include <utility>

#include "JsonText.h"

namespace azureml_emulator {

using Poco::JSON::Object;

namespace {

// Stands where the job's name goes; written as \u0001, which no real body contains.
const std::string kNameMark = "\x01";
const std::string kNameMarkJson = "\\u0001";
// Fields rendered per job (status, tags, isArchived) or rebuilt here (outputs, services).
const std::set<std::string> kRenderedPerJob = {"jobType",    "status",  "tags",
                                               "isArchived", "outputs", "services"};
// Fields a later PUT may change ("the Tags in the definition passed in will replace Tags in the existing
// job").
const std::set<std::string> kMutable = {"tags", "isArchived", "status"};

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Outputs as Azure answers them: every member present (null when unset), the default mode filled. A path the
// client gave keeps its ${{name}} and ${{output_name}} resolved as the service does; no path stays null
// (Azure does not invent one in the job resource).
Object::Ptr filledOutputs(const Object::Ptr& outputs) {
  Object::Ptr filled = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (outputs.isNull()) return filled;
  for (const auto& name : outputs->getNames()) {
    if (outputs->get(name).isEmpty()) {
      filled->set(name, outputs->get(name));
      continue;
    }
    auto source = outputs->getObject(name);
    Object::Ptr output = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const char* key : {"description", "uri", "assetName", "assetVersion", "mode", "jobOutputType"})
      output->set(key, source->has(key) ? source->get(key) : Poco::Dynamic::Var());
    for (const auto& key : source->getNames())
      if (!output->has(key)) output->set(key, source->get(key));
    if (const std::string uri = json::stringOf(source, "uri"); !uri.empty())
      output->set("uri", replaceAll(replaceAll(uri, "${{name}}", kNameMark), "${{output_name}}", name));
    if (output->get("mode").isEmpty()) output->set("mode", std::string("ReadWriteMount"));
    filled->set(name, output);
  }
  return filled;
}

// Inputs as Azure answers them: description first, null when unset.
Object::Ptr filledInputs(const Object::Ptr& inputs) {
  Object::Ptr filled = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (inputs.isNull()) return filled;
  for (const auto& name : inputs->getNames()) {
    if (inputs->get(name).isEmpty()) {
      filled->set(name, inputs->get(name));
      continue;
    }
    auto source = inputs->getObject(name);
    Object::Ptr input = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    input->set("description", source->has("description") ? source->get("description") : Poco::Dynamic::Var());
    for (const auto& key : source->getNames())
      if (key != "description") input->set(key, source->get(key));
    filled->set(name, input);
  }
  return filled;
}

std::string lastSegment(const std::string& id) {
  const size_t slash = id.find_last_of('/');
  std::string name = slash == std::string::npos ? id : id.substr(slash + 1);
  if (name.rfind("azureml:", 0) == 0) name = name.substr(8);
  return name;
}

std::string trueFalse(const Poco::JSON::Object::Ptr& settings, const std::string& key, bool fallback) {
  bool value = fallback;
  if (!settings.isNull() && settings->has(key) && !settings->get(key).isEmpty()) {
    const auto v = settings->get(key);
    value = v.isBoolean() ? v.convert<bool>() : (Poco::icompare(v.toString(), "true") == 0);
  }
  return value ? "True" : "False";
}

// The keys the service adds to properties.properties of a pipeline job (recorded replies show them on the
// PUT's 201 already), followed by the client's own.
std::string serverPropertiesOf(const Object::Ptr& properties, bool pipeline) {
  std::vector<std::pair<std::string, std::string>> keys = {{"azureml.DevPlatv2", "true"},
                                                           {"azureml.runsource", "azureml.PipelineRun"},
                                                           {"runSource", "MFE"},
                                                           {"runType", "HTTP"}};
  if (pipeline) {
    std::string parameters = "{";
    if (auto inputs = json::objectOf(properties, "inputs"); !inputs.isNull())
      for (const auto& name : inputs->getNames()) {
        auto input = json::objectOf(inputs, name);
        if (input.isNull() || json::stringOf(input, "jobInputType") != "literal") continue;
        parameters += (parameters.size() > 1 ? "," : "") + json::quote(name) + ":" +
                      json::quote(json::stringOf(input, "value"));
      }
    parameters += "}";
    auto settings = json::objectOf(properties, "settings");
    const std::string compute = settings.isNull() ? "" : json::stringOf(settings, "default_compute");
    const std::string datastore = settings.isNull() ? "" : json::stringOf(settings, "default_datastore");
    keys.insert(
        keys.end(),
        {{"azureml.parameters", parameters},
         {"azureml.continue_on_step_failure", trueFalse(settings, "continue_on_step_failure", false)},
         {"azureml.continue_on_failed_optional_input", "True"},
         {"azureml.defaultComputeName",
          lastSegment(compute.empty() ? json::stringOf(properties, "computeId") : compute)},
         {"azureml.defaultDataStoreName", datastore.empty() ? "workspaceblobstore" : lastSegment(datastore)},
         {"azureml.pipelineComponent", "pipelinerun"}});
  }
  if (auto user = json::objectOf(properties, "properties"); !user.isNull())
    for (const auto& name : user->getNames()) {
      auto same = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == name; });
      if (same == keys.end()) keys.emplace_back(name, json::stringOf(user, name));
    }
  std::string out;
  for (const auto& [key, value] : keys)
    out += (out.empty() ? "" : ",") + json::quote(key) + ":" + json::quote(value);
  return out;
}

Object::Ptr service(const std::string& type, const std::string& endpoint) {
  Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  entry->set("jobServiceType", type);
  entry->set("port", Poco::Dynamic::Var());
  entry->set("endpoint", endpoint);
  entry->set("status", Poco::Dynamic::Var());
  entry->set("errorMessage", Poco::Dynamic::Var());
  entry->set("properties", Poco::Dynamic::Var());
  entry->set("nodes", Poco::Dynamic::Var());
  return entry;
}

// The service fills Studio (the portal page of the run) and Tracking (MLflow) itself.
Object::Ptr filledServices(const Object::Ptr& services, const WorkspaceContext& context) {
  Object::Ptr filled = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!services.isNull())
    for (const auto& name : services->getNames())
      if (name != "Studio" && name != "Tracking") filled->set(name, services->get(name));
  filled->set("Tracking", service("Tracking", "azureml://" + context.region + ".api.azureml.ms/mlflow/v1.0" +
                                                  context.workspaceId() + "?"));
  // The Studio link names the workspace ARM-style but with "resourcegroups" and no provider segment, no
  // tenant.
  filled->set("Studio",
              service("Studio", "https://" + context.studioHost + "/runs/" + kNameMark +
                                    "?wsid=/subscriptions/" + context.subscription + "/resourcegroups/" +
                                    context.resourceGroup + "/workspaces/" + context.workspace));
  return filled;
}

std::vector<std::string> splitOnMark(const std::string& text) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t at = text.find(kNameMarkJson); at != std::string::npos; at = text.find(kNameMarkJson, start)) {
    pieces.push_back(text.substr(start, at - start));
    start = at + kNameMarkJson.size();
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

}  // namespace

std::shared_ptr<const JobBody> JobBody::build(const Object::Ptr& properties, bool needsUserToken,
                                              const WorkspaceContext& context) {
  auto body = std::make_shared<JobBody>();
  body->jobType = json::stringOf(properties, "jobType");
  body->isPipeline = body->jobType == "Pipeline";
  body->experimentName = json::stringOf(properties, "experimentName");
  body->displayName = json::stringOf(properties, "displayName");
  body->description = json::stringOf(properties, "description");
  body->computeId = json::stringOf(properties, "computeId");
  body->needsUserToken = needsUserToken;
  body->serverProperties = serverPropertiesOf(properties, body->isPipeline);

  // Every member Azure answers with, null when the client left it out; the order is the recorded one.
  Object::Ptr reply = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const Poco::Dynamic::Var null;
  auto member = [&](const std::string& key) { return properties->has(key) ? properties->get(key) : null; };
  reply->set("description", member("description"));
  reply->set("displayName",
             body->displayName.empty() ? Poco::Dynamic::Var(kNameMark) : member("displayName"));
  reply->set("experimentName", member("experimentName"));
  reply->set("services", filledServices(json::objectOf(properties, "services"), context));
  reply->set("computeId", member("computeId"));
  reply->set("identity", member("identity"));
  reply->set("componentId", member("componentId"));
  reply->set("notificationSetting", member("notificationSetting"));
  for (const auto& name : properties->getNames())  // the schema's other members, as sent
    if (!reply->has(name) && !kRenderedPerJob.count(name) && name != "properties" && name != "inputs" &&
        name != "jobs" && name != "settings" && name != "sourceJobId")
      reply->set(name, properties->get(name));
  reply->set("jobType", member("jobType"));
  if (body->isPipeline) {
    reply->set("settings", member("settings"));
    reply->set("jobs", member("jobs"));
  }
  reply->set("inputs", filledInputs(json::objectOf(properties, "inputs")));
  reply->set("outputs", filledOutputs(json::objectOf(properties, "outputs")));
  reply->set("sourceJobId", member("sourceJobId"));

  // Canonical form: the reply's members (nulls and server defaults included, so a re-PUT of what a GET
  // returned compares equal to the original PUT) except those a later PUT may change.
  for (const auto& name : reply->getNames()) {
    if (kMutable.count(name) || name == "services") continue;
    body->canonicalFields[name] = json::writeCanonical(reply->get(name));
    body->canonical += name + "=" + body->canonicalFields[name] + "\n";
  }
  if (auto user = json::objectOf(properties, "properties"); !user.isNull()) {
    body->canonicalFields["properties"] = json::writeCanonical(properties->get("properties"));
    body->canonical += "properties=" + body->canonicalFields["properties"] + "\n";
  }

  std::string tail;
  for (const auto& name : reply->getNames()) {
    tail += ',';
    json::appendQuoted(tail, name);
    tail += ':';
    json::append(tail, reply->get(name));
  }
  body->tail = splitOnMark(tail);
  body->bytes = tail.size() + body->serverProperties.size();

  if (auto jobs = json::objectOf(properties, "jobs"); !jobs.isNull()) {
    body->stepNames = jobs->getNames();
    for (const auto& step : body->stepNames) {
      auto node = json::objectOf(jobs, step);
      std::string component = node.isNull() ? "" : json::stringOf(node, "componentId");
      if (component.empty() && !node.isNull()) component = json::stringOf(node, "component");
      // .../components/{name}/versions/{v} or azureml:{name}:{v}: the step's component name.
      const size_t at = component.find("/components/");
      if (at != std::string::npos) {
        component = component.substr(at + 12);
        component = component.substr(0, component.find('/'));
      } else if (component.rfind("azureml:", 0) == 0) {
        component = component.substr(8);
        component = component.substr(0, component.find(':'));
      }
      body->stepComponents.push_back(component.empty() ? step : component);
      if (node.isNull()) continue;
      const std::string id = json::stringOf(node, "componentId");
      const size_t c = id.find("/components/");
      const size_t v = id.find("/versions/");
      if (c != std::string::npos && v != std::string::npos && v > c) {
        auto& use = body->components[id.substr(c + 12, v - c - 12) + "/" + id.substr(v + 10)];
        if (!json::stringOf(node, "type").empty()) use.type = json::stringOf(node, "type");
        if (auto in = json::objectOf(node, "inputs"); !in.isNull()) use.inputs = in->getNames();
        if (auto out = json::objectOf(node, "outputs"); !out.isNull()) use.outputs = out->getNames();
      }
      if (const std::string compute = json::stringOf(node, "computeId"); !compute.empty())
        body->computes.push_back(lastSegment(compute));
    }
  }
  if (!body->computeId.empty()) body->computes.push_back(lastSegment(body->computeId));
  if (auto settings = json::objectOf(properties, "settings"); !settings.isNull())
    if (const std::string compute = json::stringOf(settings, "default_compute"); !compute.empty())
      body->computes.push_back(lastSegment(compute));
  if (auto user = json::objectOf(properties, "properties"); !user.isNull())
    for (const auto& name : user->getNames()) body->userProperties[name] = json::stringOf(user, name);
  return body;
}

TagSet TagSet::from(const Object::Ptr& properties) {
  auto values = std::make_shared<std::map<std::string, std::string>>();
  std::string text = "{";
  if (auto tags = json::objectOf(properties, "tags"); !tags.isNull()) {
    for (const auto& name : tags->getNames()) {
      const std::string value = json::stringOf(tags, name);
      (*values)[name] = value;
      if (text.size() > 1) text += ',';
      text +=
          json::quote(name) + ":" + (tags->get(name).isEmpty() ? std::string("null") : json::quote(value));
    }
  }
  text += "}";
  return TagSet{values, std::make_shared<const std::string>(std::move(text))};
}

TagSet TagSet::empty() {
  return TagSet{std::make_shared<const std::map<std::string, std::string>>(),
                std::make_shared<const std::string>("{}")};
}

}  // namespace azureml_emulator
