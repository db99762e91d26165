#include "polysync_host/ParameterParsing.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Errors.h"
#include "polysync_host/TextFile.h"
#include "polysync_host/ValueText.h"

namespace polysync::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kTypeList = "String, Secret, Int, Float, Bool, JSON or JsonArray";

bool isInt(const std::string& v) {
  if (v.empty()) return false;
  errno = 0;
  char* end = nullptr;
  (void)std::strtoll(v.c_str(), &end, 10);
  return errno == 0 && end && *end == '\0' && !std::isspace(static_cast<unsigned char>(v[0]));
}

bool isFloat(const std::string& v) {
  if (v.empty() || std::isspace(static_cast<unsigned char>(v[0]))) return false;
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  return end && *end == '\0' && std::isfinite(d);
}

std::optional<Var> parseJson(const std::string& v) {
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // keep key order for compact JSON
    return std::optional<Var>(std::in_place, parser.parse(v));
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string checkedValue(int32_t dataType, const std::string& value, const std::string& what) {
  switch (dataType) {
    case PSJ_TYPE_INT:
      if (!isInt(value)) throw UsageError(what + ": an Int value must be a whole number like 42");
      return value;
    case PSJ_TYPE_FLOAT:
      if (!isFloat(value)) throw UsageError(what + ": a Float value must be a number like 0.5");
      return value;
    case PSJ_TYPE_BOOL: {
      const std::string lower = Poco::toLower(value);
      if (lower != "true" && lower != "false")
        throw UsageError(what + ": a Bool value must be true or false");
      return lower;
    }
    case PSJ_TYPE_JSON:
      if (!parseJson(value)) throw UsageError(what + ": a JSON value must be valid JSON, e.g. {\"a\":1}");
      return value;
    case PSJ_TYPE_JSON_ARRAY: {
      const auto parsed = parseJson(value);
      if (!parsed || parsed->type() != typeid(Array::Ptr)) {
        throw UsageError(what + ": a JsonArray value must be a JSON array, e.g. [1,2]");
      }
      return value;
    }
    default:
      return value;
  }
}

RunParameter parseParamOption(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos) {
    throw UsageError("--param " + spec.substr(0, spec.find(':')) +
                     " has no value; write --param NAME[:TYPE]=VALUE");
  }
  std::string name = spec.substr(0, eq);
  RunParameter p;
  if (const auto colon = name.rfind(':'); colon != std::string::npos) {
    const std::string typeName = name.substr(colon + 1);
    const auto type = parseDataType(typeName);
    if (!type) {
      throw UsageError("--param " + name.substr(0, colon) + ": unknown type \"" + typeName + "\"; use " +
                       kTypeList);
    }
    p.dataType = *type;
    name.resize(colon);
  }
  if (name.empty())
    throw UsageError("--param " + spec.substr(0, eq) + " has no name; write --param NAME[:TYPE]=VALUE");
  p.name = name;
  p.direction = PSJ_DIRECTION_INPUT;
  p.secret = p.dataType == PSJ_TYPE_SECRET;
  p.value = checkedValue(p.dataType, spec.substr(eq + 1), "--param " + name);
  return p;
}

RunParameter outputParameter(const std::string& name) {
  if (name.empty()) throw UsageError("--output needs a parameter name; write --output NAME");
  RunParameter p;
  p.name = name;
  p.direction = PSJ_DIRECTION_OUTPUT;
  return p;
}

std::vector<RunParameter> parseParamFile(const std::string& text, const std::string& source) {
  const std::string fix = "; write a JSON array of {\"name\", \"direction\", \"type\", \"value\"}";
  const auto root = parseJson(text);
  if (!root) throw UsageError("--param-file " + source + " is not valid JSON" + fix);
  if (root->type() != typeid(Array::Ptr))
    throw UsageError("--param-file " + source + " must hold a JSON array" + fix);
  const auto array = root->extract<Array::Ptr>();
  std::vector<RunParameter> params;
  for (size_t i = 0; i < array->size(); ++i) {
    const std::string where = "--param-file " + source + " entry " + std::to_string(i + 1);
    const Var item = array->get(static_cast<unsigned>(i));
    if (item.type() != typeid(Object::Ptr)) throw UsageError(where + " is not an object" + fix);
    const auto& object = item.extract<Object::Ptr>();
    const auto field = [&](const char* key) -> std::optional<Var> {
      if (!object->has(key)) return std::nullopt;
      return std::optional<Var>(std::in_place, object->get(key));
    };
    RunParameter p;
    const auto name = field("name");
    if (!name || !name->isString() || name->extract<std::string>().empty()) {
      throw UsageError(where + " has no \"name\" string" + fix);
    }
    p.name = name->extract<std::string>();
    if (const auto direction = field("direction"); direction && !direction->isEmpty()) {
      const auto parsed =
          direction->isString() ? parseDirection(direction->extract<std::string>()) : std::nullopt;
      if (!parsed)
        throw UsageError(where + " (" + p.name + "): \"direction\" must be Input, Output or Input&Output");
      p.direction = *parsed;
    }
    if (const auto type = field("type"); type && !type->isEmpty()) {
      const auto parsed = type->isString() ? parseDataType(type->extract<std::string>()) : std::nullopt;
      if (!parsed) throw UsageError(where + " (" + p.name + "): \"type\" must be " + kTypeList);
      p.dataType = *parsed;
    }
    p.secret = p.dataType == PSJ_TYPE_SECRET;
    if (const auto value = field("value"); value && p.direction != PSJ_DIRECTION_OUTPUT) {
      p.value = checkedValue(p.dataType, textOfJsonValue(*value).value_or(""), where + " (" + p.name + ")");
    }
    params.push_back(std::move(p));
  }
  return params;
}

std::vector<RunParameter> readParamFile(const std::string& path) {
  return parseParamFile(readTextFile(path, "--param-file"), path);
}

Setting parseAttribute(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0)
    throw UsageError("--attr " + spec + " is malformed; write --attr NAME=VALUE");
  return Setting{spec.substr(0, eq), spec.substr(eq + 1), false};
}

void checkUniqueNames(const std::vector<RunParameter>& parameters) {
  std::set<std::string> seen;
  for (const auto& p : parameters) {
    if (!seen.insert(p.name).second) {
      throw UsageError("parameter " + p.name +
                       " is given twice (in --param, --output or --param-file); give it once");
    }
  }
}

std::string displayValue(const RunParameter& parameter) {
  return parameter.secret || parameter.dataType == PSJ_TYPE_SECRET ? "***" : parameter.value;
}

}  // namespace polysync::host
