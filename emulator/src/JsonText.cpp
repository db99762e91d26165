#include "JsonText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace azureml_emulator::json {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

Var parse(const std::string& text) {
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return parser.parse(text);
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument(e.displayText());
  }
}

Object::Ptr parseObject(const std::string& text) {
  Var value = parse(text);
  if (value.type() != typeid(Object::Ptr)) throw std::invalid_argument("the JSON value is not an object");
  return value.extract<Object::Ptr>();
}

void appendQuoted(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out.push_back(hex[(c >> 4) & 0xF]);
          out.push_back(hex[c & 0xF]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  appendQuoted(out, text);
  return out;
}

static void appendNumber(std::string& out, const Var& value) {
  if (value.isInteger()) {
    out += value.convert<std::string>();
    return;
  }
  const double d = value.convert<double>();
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", d);
  // Prefer the shortest text that reads back the same.
  for (int precision = 1; precision <= 17; ++precision) {
    char shorter[32];
    std::snprintf(shorter, sizeof shorter, "%.*g", precision, d);
    if (std::strtod(shorter, nullptr) == d) {
      out += shorter;
      return;
    }
  }
  out += buffer;
}

void append(std::string& out, const Var& value) {
  if (value.isEmpty()) {
    out += "null";
  } else if (value.type() == typeid(Object::Ptr)) {
    const auto& object = value.extract<Object::Ptr>();
    if (object.isNull()) {
      out += "null";
      return;
    }
    out.push_back('{');
    bool first = true;
    for (const auto& name : object->getNames()) {
      if (!first) out.push_back(',');
      first = false;
      appendQuoted(out, name);
      out.push_back(':');
      append(out, object->get(name));
    }
    out.push_back('}');
  } else if (value.type() == typeid(Array::Ptr)) {
    const auto& array = value.extract<Array::Ptr>();
    if (array.isNull()) {
      out += "null";
      return;
    }
    out.push_back('[');
    for (size_t i = 0; i < array->size(); ++i) {
      if (i) out.push_back(',');
      append(out, array->get(static_cast<unsigned>(i)));
    }
    out.push_back(']');
  } else if (value.isString()) {
    appendQuoted(out, value.extract<std::string>());
  } else if (value.isBoolean()) {
    out += value.convert<bool>() ? "true" : "false";
  } else if (value.isNumeric()) {
    appendNumber(out, value);
  } else {
    appendQuoted(out, value.convert<std::string>());
  }
}

std::string write(const Var& value) {
  std::string out;
  append(out, value);
  return out;
}

std::string write(const Object::Ptr& object) { return write(Var(object)); }

static void appendCanonical(std::string& out, const Var& value) {
  if (!value.isEmpty() && value.type() == typeid(Object::Ptr) && !value.extract<Object::Ptr>().isNull()) {
    const auto& object = value.extract<Object::Ptr>();
    std::vector<std::string> names = object->getNames();
    std::sort(names.begin(), names.end());
    out.push_back('{');
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) out.push_back(',');
      appendQuoted(out, names[i]);
      out.push_back(':');
      appendCanonical(out, object->get(names[i]));
    }
    out.push_back('}');
  } else if (!value.isEmpty() && value.type() == typeid(Array::Ptr) &&
             !value.extract<Array::Ptr>().isNull()) {
    const auto& array = value.extract<Array::Ptr>();
    out.push_back('[');
    for (size_t i = 0; i < array->size(); ++i) {
      if (i) out.push_back(',');
      appendCanonical(out, array->get(static_cast<unsigned>(i)));
    }
    out.push_back(']');
  } else {
    append(out, value);
  }
}

std::string writeCanonical(const Var& value) {
  std::string out;
  appendCanonical(out, value);
  return out;
}

Object::Ptr objectOf(const Object::Ptr& parent, const std::string& key) {
  if (parent.isNull() || !parent->has(key)) return nullptr;
  Var value = parent->get(key);
  if (value.type() != typeid(Object::Ptr)) return nullptr;
  return value.extract<Object::Ptr>();
}

bool isString(const Var& value) { return !value.isEmpty() && value.isString(); }

std::string stringOf(const Object::Ptr& parent, const std::string& key) {
  if (parent.isNull() || !parent->has(key)) return "";
  Var value = parent->get(key);
  return isString(value) ? value.extract<std::string>() : "";
}

std::string typeName(const Var& value) {
  if (value.isEmpty()) return "null";
  if (value.type() == typeid(Object::Ptr)) return "object";
  if (value.type() == typeid(Array::Ptr)) return "array";
  if (value.isString()) return "string";
  if (value.isBoolean()) return "boolean";
  if (value.isNumeric()) return "number";
  return "value";
}

}  // namespace azureml_emulator::json
