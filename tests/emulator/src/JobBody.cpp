#include "JobBody.h"

#include <set>

#include "JsonText.h"

namespace azureml_emulator {

using Poco::JSON::Object;

namespace {

// Stands where the job's name goes; written as \u0001, which no real body contains.
const std::string kNameMark = "\x01";
const std::string kNameMarkJson = "\\u0001";
// Fields rendered per job (status, tags, isArchived) or rebuilt here (outputs, services).
const std::set<std::string> kRenderedPerJob = {"jobType", "status", "tags", "isArchived", "outputs", "services"};
// Fields a later PUT may change ("the Tags in the definition passed in will replace Tags in the existing job").
const std::set<std::string> kMutable = {"tags", "isArchived", "status"};

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Outputs the client left without a path get the workspace's default one for this job; ${{name}} and
// ${{output_name}} in a given path are resolved as the service does.
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
    for (const auto& key : source->getNames()) output->set(key, source->get(key));
    std::string uri = json::stringOf(source, "uri");
    if (uri.empty()) uri = "azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}/";
    uri = replaceAll(replaceAll(uri, "${{name}}", kNameMark), "${{output_name}}", name);
    output->set("uri", uri);
    if (!output->has("mode") || output->get("mode").isEmpty()) output->set("mode", std::string("ReadWriteMount"));
    filled->set(name, output);
  }
  return filled;
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
  filled->set("Studio", service("Studio", "https://" + context.studioHost + "/runs/" + kNameMark +
                                              "?wsid=" + context.workspaceId() + "&tid=" + context.tenant));
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
  body->experimentName = json::stringOf(properties, "experimentName");
  body->displayName = json::stringOf(properties, "displayName");
  body->description = json::stringOf(properties, "description");
  body->computeId = json::stringOf(properties, "computeId");
  body->needsUserToken = needsUserToken;

  std::string tail;
  for (const auto& name : properties->getNames()) {
    if (!kMutable.count(name)) {
      body->canonicalFields[name] = json::writeCanonical(properties->get(name));
      body->canonical += name + "=" + body->canonicalFields[name] + "\n";
    }
    if (kRenderedPerJob.count(name)) continue;
    tail += ',';
    json::appendQuoted(tail, name);
    tail += ':';
    json::append(tail, properties->get(name));
  }
  auto outputs = json::objectOf(properties, "outputs");
  if (!outputs.isNull()) body->outputNames = outputs->getNames();
  tail += ",\"outputs\":" + json::write(filledOutputs(outputs));
  tail += ",\"services\":" + json::write(filledServices(json::objectOf(properties, "services"), context));
  body->tail = splitOnMark(tail);
  body->bytes = tail.size();

  if (auto jobs = json::objectOf(properties, "jobs"); !jobs.isNull()) body->stepNames = jobs->getNames();
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
      text += json::quote(name) + ":" + (tags->get(name).isEmpty() ? std::string("null") : json::quote(value));
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
