#include "PipelineJobValidator.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "JsonText.h"

namespace azureml_emulator {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

namespace {

// Fields of each typed object in the 2024-10-01 schema (additionalProperties: false there).
const std::set<std::string> kPipelineFields = {"jobType",
                                               "displayName",
                                               "description",
                                               "experimentName",
                                               "computeId",
                                               "componentId",
                                               "identity",
                                               "tags",
                                               "properties",
                                               "isArchived",
                                               "notificationSetting",
                                               "secretsConfiguration",
                                               "inputs",
                                               "outputs",
                                               "jobs",
                                               "settings",
                                               "sourceJobId",
                                               "services",
                                               "status",
                                               "parentJobName"};
const std::set<std::string> kJobTypes = {"AutoML", "Command", "Sweep", "Pipeline", "Spark"};
const std::set<std::string> kLiteralFields = {"jobInputType", "value", "description"};
const std::set<std::string> kAssetInputFields = {"jobInputType", "uri", "mode", "description"};
const std::set<std::string> kAssetInputTypes = {"uri_file",     "uri_folder",   "mltable",
                                                "custom_model", "mlflow_model", "triton_model"};
const std::set<std::string> kInputModes = {"ReadOnlyMount", "ReadWriteMount", "Download",
                                           "Direct",        "EvalMount",      "EvalDownload"};
const std::set<std::string> kOutputFields = {"jobOutputType", "uri",       "mode",
                                             "description",   "assetName", "assetVersion"};
const std::set<std::string> kOutputModes = {"ReadWriteMount", "Upload", "Direct"};
const std::set<std::string> kServiceFields = {"endpoint",   "jobServiceType", "port",        "nodes",
                                              "properties", "status",         "errorMessage"};
const std::set<std::string> kIdentityTypes = {"AMLToken", "Managed", "UserIdentity"};
const std::set<std::string> kManagedIdentityFields = {"identityType", "clientId", "objectId", "resourceId"};

std::string joined(const std::set<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

[[noreturn]] void reject(const std::string& code, const std::string& message, const std::string& target) {
  throw JobRejection(400, code, message, target);
}

Object::Ptr requireObject(const Var& value, const std::string& target) {
  if (value.isEmpty() || value.type() != typeid(Object::Ptr) || value.extract<Object::Ptr>().isNull())
    reject("InvalidRequestContent",
           "'" + target + "' must be a JSON object, not " + json::typeName(value) + ".", target);
  return value.extract<Object::Ptr>();
}

// Null or absent is fine; anything present must be an object.
Object::Ptr optionalObject(const Object::Ptr& parent, const std::string& key, const std::string& target) {
  if (!parent->has(key) || parent->get(key).isEmpty()) return nullptr;
  return requireObject(parent->get(key), target);
}

void checkKnownFields(const Object::Ptr& object, const std::set<std::string>& allowed,
                      const std::string& target, const std::string& typeName) {
  for (const auto& name : object->getNames())
    if (!allowed.count(name))
      reject("UnknownProperty",
             "Could not find member '" + name + "' on object of type '" + typeName + "'. Path '" + target +
                 "." + name + "'. Known members: " + joined(allowed) + ".",
             target + "." + name);
}

void checkOptionalString(const Object::Ptr& object, const std::string& key, const std::string& target) {
  if (!object->has(key)) return;
  const Var value = object->get(key);
  if (!value.isEmpty() && !value.isString())
    reject("InvalidRequestContent",
           "'" + target + "." + key + "' must be a string, not " + json::typeName(value) + ".",
           target + "." + key);
}

void checkStringMap(const Object::Ptr& parent, const std::string& key, const std::string& target) {
  auto map = optionalObject(parent, key, target);
  if (map.isNull()) return;
  for (const auto& name : map->getNames()) {
    const Var value = map->get(name);
    if (!value.isEmpty() && !value.isString())
      reject("InvalidRequestContent",
             "'" + target + "." + name + "' must be a string (" + key + " map strings to strings), not " +
                 json::typeName(value) + ".",
             target + "." + name);
  }
}

std::string requireString(const Object::Ptr& object, const std::string& key, const std::string& target) {
  if (!object->has(key) || object->get(key).isEmpty())
    reject("RequiredPropertyMissing", "Required property '" + key + "' not found in '" + target + "'.",
           target + "." + key);
  const Var value = object->get(key);
  if (!value.isString())
    reject("InvalidRequestContent",
           "'" + target + "." + key + "' must be a string, not " + json::typeName(value) + ".",
           target + "." + key);
  return value.extract<std::string>();
}

void checkLiteralValue(const Object::Ptr& input, const std::string& target) {
  if (!input->has("value") || input->get("value").isEmpty())
    reject("RequiredPropertyMissing",
           "Required property 'value' not found in literal input '" + target + "'.", target + ".value");
  const Var value = input->get("value");
  if (!value.isString())
    reject("InvalidLiteralValue",
           "The value of literal input '" + target +
               "' must be a JSON string (numbers and booleans are sent as "
               "text, e.g. \"10\" or \"False\"), not " +
               json::typeName(value) + ".",
           target + ".value");
  const std::string text = value.extract<std::string>();
  const bool hasWordCharacter = std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (text.empty() || !hasWordCharacter)
    reject("InvalidLiteralValue",
           "The value of literal input '" + target +
               "' must be at least one character long and contain at least "
               "one of [A-Za-z0-9_].",
           target + ".value");
}

void checkInputs(const Object::Ptr& inputs) {
  for (const auto& name : inputs->getNames()) {
    const std::string target = "properties.inputs." + name;
    auto input = requireObject(inputs->get(name), target);
    const std::string type = requireString(input, "jobInputType", target);
    if (type == "literal") {
      checkKnownFields(input, kLiteralFields, target, "LiteralJobInput");
      checkLiteralValue(input, target);
      checkOptionalString(input, "description", target);
    } else if (kAssetInputTypes.count(type)) {
      checkKnownFields(input, kAssetInputFields, target, type + " JobInput");
      const std::string uri = requireString(input, "uri", target);
      if (uri.empty())
        reject("InvalidRequestContent", "'" + target + ".uri' must not be empty.", target + ".uri");
      checkOptionalString(input, "mode", target);
      const std::string mode = json::stringOf(input, "mode");
      if (!mode.empty() && !kInputModes.count(mode))
        reject("InvalidRequestContent",
               "'" + target + ".mode' is '" + mode + "'; it must be one of " + joined(kInputModes) + ".",
               target + ".mode");
    } else {
      reject("InvalidRequestContent",
             "'" + target + ".jobInputType' is '" + type + "'; it must be literal or one of " +
                 joined(kAssetInputTypes) + ".",
             target + ".jobInputType");
    }
  }
}

void checkOutputs(const Object::Ptr& outputs) {
  for (const auto& name : outputs->getNames()) {
    const std::string target = "properties.outputs." + name;
    if (outputs->get(name).isEmpty()) continue;  // the SDKs send null for outputs left to the service
    auto output = requireObject(outputs->get(name), target);
    checkKnownFields(output, kOutputFields, target, "JobOutput");
    const std::string type = requireString(output, "jobOutputType", target);
    if (!kAssetInputTypes.count(type))
      reject("InvalidRequestContent",
             "'" + target + ".jobOutputType' is '" + type + "'; it must be one of " +
                 joined(kAssetInputTypes) + " (there is no literal output type).",
             target + ".jobOutputType");
    for (const char* key : {"uri", "mode", "description", "assetName", "assetVersion"})
      checkOptionalString(output, key, target);
    const std::string mode = json::stringOf(output, "mode");
    if (!mode.empty() && !kOutputModes.count(mode))
      reject("InvalidRequestContent",
             "'" + target + ".mode' is '" + mode + "'; it must be one of " + joined(kOutputModes) + ".",
             target + ".mode");
  }
}

// status and errorMessage are read-only: the service ignores what a client sends there.
void checkServices(const Object::Ptr& services) {
  for (const auto& name : services->getNames()) {
    const std::string target = "properties.services." + name;
    if (services->get(name).isEmpty()) continue;
    auto service = requireObject(services->get(name), target);
    checkKnownFields(service, kServiceFields, target, "JobService");
    service->remove("status");
    service->remove("errorMessage");
  }
}

// Returns true when the job runs as its submitter (identity null or UserIdentity).
bool checkIdentity(const Object::Ptr& properties) {
  auto identity = optionalObject(properties, "identity", "properties.identity");
  if (identity.isNull()) return true;
  const std::string type = requireString(identity, "identityType", "properties.identity");
  if (!kIdentityTypes.count(type))
    reject("InvalidRequestContent",
           "'properties.identity.identityType' is '" + type + "'; it must be one of " +
               joined(kIdentityTypes) + ".",
           "properties.identity.identityType");
  checkKnownFields(identity,
                   type == "Managed" ? kManagedIdentityFields : std::set<std::string>{"identityType"},
                   "properties.identity", type + "Identity");
  return type == "UserIdentity";
}

// Adds NAME for every ${{ parent.inputs.NAME }} in text (the expression syntax of pipeline bindings).
void scanBindings(const std::string& text, std::set<std::string>& names) {
  const std::string open = "${{";
  const std::string prefix = "parent.inputs.";
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    size_t i = at + open.size();
    while (i < text.size() && text[i] == ' ') ++i;
    if (text.compare(i, prefix.size(), prefix) != 0) continue;
    i += prefix.size();
    const size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
                               text[i] == '-' || text[i] == '.'))
      ++i;
    const size_t end = i;
    while (i < text.size() && text[i] == ' ') ++i;
    if (end > start && text.compare(i, 2, "}}") == 0) names.insert(text.substr(start, end - start));
  }
}

void collectReferences(const Var& value, std::set<std::string>& names) {
  if (value.isEmpty()) return;
  if (value.type() == typeid(Object::Ptr)) {
    const auto& object = value.extract<Object::Ptr>();
    if (object.isNull()) return;
    for (const auto& name : object->getNames()) collectReferences(object->get(name), names);
  } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto& array = value.extract<Poco::JSON::Array::Ptr>();
    if (array.isNull()) return;
    for (size_t i = 0; i < array->size(); ++i) collectReferences(array->get(static_cast<unsigned>(i)), names);
  } else if (value.isString()) {
    scanBindings(value.extract<std::string>(), names);
  }
}

// The pipeline's declared inputs are the names its steps bind as ${{parent.inputs.NAME}}: an input that no
// step uses is not an input of this pipeline (InputNotFound), the check a template overlay must pass.
void checkInputsAreBound(const Object::Ptr& properties, const Object::Ptr& inputs) {
  if (inputs.isNull() || inputs->size() == 0) return;
  std::set<std::string> bound;
  if (properties->has("jobs")) collectReferences(properties->get("jobs"), bound);
  for (const auto& name : inputs->getNames()) {
    if (bound.count(name)) continue;
    reject("InputNotFound",
           "Input '" + name + "' is not an input of this pipeline: no step binds ${{parent.inputs." + name +
               "}}. Pipeline inputs: " + (bound.empty() ? std::string("(none)") : joined(bound)) + ".",
           "properties.inputs." + name);
  }
}

}  // namespace

bool PipelineJobValidator::isValidJobName(const std::string& name) {
  if (name.empty() || name.size() > 255) return false;
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!word(name[0])) return false;
  return std::all_of(name.begin() + 1, name.end(), [&](char c) { return word(c) || c == '-' || c == '_'; });
}

void PipelineJobValidator::checkJobName(const std::string& name) {
  if (!isValidJobName(name))
    reject("InvalidJobName",
           "The job name '" + name +
               "' is invalid: it must match ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}$ (start with a "
               "letter or digit; then letters, digits, '-' or '_'; at most 255 characters).",
           "id");
}

ValidatedJob PipelineJobValidator::validate(const std::string& body) {
  Poco::JSON::Object::Ptr envelope;
  try {
    envelope = json::parseObject(body);
  } catch (const std::invalid_argument& e) {
    reject("InvalidRequestContent",
           std::string("The request content was invalid and could not be deserialized: ") + e.what(), "");
  }
  if (!envelope->has("properties") || envelope->get("properties").isEmpty())
    reject("RequiredPropertyMissing", "Required property 'properties' not found in the request body.",
           "properties");
  return validateProperties(requireObject(envelope->get("properties"), "properties"));
}

ValidatedJob PipelineJobValidator::validateProperties(const Object::Ptr& input) {
  Object::Ptr properties = input;  // the normalisation below edits it in place
  const std::string jobType = requireString(properties, "jobType", "properties");
  if (!kJobTypes.count(jobType))
    reject("InvalidRequestContent",
           "'properties.jobType' is '" + jobType + "'; it must be one of " + joined(kJobTypes) + ".",
           "properties.jobType");
  ValidatedJob result;
  result.properties = properties;
  properties->remove("status");  // read-only: ignored, as ARM resource providers do
  properties->remove("parentJobName");
  for (const char* key :
       {"displayName", "description", "experimentName", "computeId", "componentId", "sourceJobId"})
    checkOptionalString(properties, key, "properties");
  checkStringMap(properties, "tags", "properties.tags");
  checkStringMap(properties, "properties", "properties.properties");
  if (properties->has("isArchived") && !properties->get("isArchived").isEmpty() &&
      !properties->get("isArchived").isBoolean())
    reject("InvalidRequestContent", "'properties.isArchived' must be true or false.",
           "properties.isArchived");
  if (json::stringOf(properties, "experimentName").empty())
    properties->set("experimentName", std::string("Default"));
  result.needsUserToken = checkIdentity(properties);
  if (jobType != "Pipeline") return result;  // only pipelines are modelled in depth

  checkKnownFields(properties, kPipelineFields, "properties", "PipelineJob");
  optionalObject(properties, "jobs", "properties.jobs");
  optionalObject(properties, "settings", "properties.settings");
  auto inputs = optionalObject(properties, "inputs", "properties.inputs");
  if (!inputs.isNull()) checkInputs(inputs);
  auto outputs = optionalObject(properties, "outputs", "properties.outputs");
  if (!outputs.isNull()) checkOutputs(outputs);
  auto services = optionalObject(properties, "services", "properties.services");
  if (!services.isNull()) checkServices(services);
  checkInputsAreBound(properties, inputs);
  return result;
}

}  // namespace azureml_emulator
