#include "azureml/LiteralValueText.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"
#include "common/JsonText.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Parameter;

[[noreturn]] void refuse(const Parameter& p, const std::string& why) {
  std::string shown;
  if (!core::isSecret(p)) shown = " value '" + common::ascii::oneLine(p.value.view(), 64) + "'";
  throw AzureMlError(errc::InvalidParameterValue, "Parameter '" + common::ascii::oneLine(p.name, 120) +
                                                      "' (" + core::toString(p.dataType) + ")" + shown + " " +
                                                      why);
}

std::string intText(const Parameter& p) {
  std::string_view t = common::ascii::trim(p.value.view());
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec == std::errc::result_out_of_range)
    refuse(p, t.empty() ? "is empty; give a whole number" : "is outside the 64-bit integer range");
  if (ec != std::errc() || end != t.data() + t.size()) refuse(p, "is not a whole number (e.g. 42)");
  return std::to_string(v);
}

std::string floatText(const Parameter& p) {
  std::string_view t = common::ascii::trim(p.value.view());
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  double v = 0;
  // from_chars is locale-independent, unlike strtod; it also refuses "nan"/"inf" spelled as words only
  // partly, so non-finite results are refused below.
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty()) refuse(p, "is empty; give a number");
  if (ec == std::errc::result_out_of_range) refuse(p, "is outside the range of a double");
  if (ec != std::errc() || end != t.data() + t.size()) refuse(p, "is not a number (e.g. 0.5 or 1e-3)");
  if (!std::isfinite(v)) refuse(p, "is not a finite number");
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  return std::string(buf, res.ptr);
}

std::string boolText(const Parameter& p) {
  const std::string_view t = common::ascii::trim(p.value.view());
  for (const char* yes : {"true", "1", "yes"})
    if (common::ascii::iequals(t, yes)) return "True";
  for (const char* no : {"false", "0", "no"})
    if (common::ascii::iequals(t, no)) return "False";
  refuse(p, "is not a boolean; use true or false");
}

std::string jsonText(const Parameter& p) {
  const std::string_view t = common::ascii::trim(p.value.view());
  if (!common::JsonView::isValid(t)) refuse(p, "is not valid JSON");
  if (p.dataType == DataType::JsonArray && (t.empty() || t.front() != '['))
    refuse(p, "is not a JSON array (it must start with '[')");
  return common::jsontext::compact(t);
}

}  // namespace

common::SecretString LiteralValueText::of(const core::Parameter& parameter) {
  std::string text;
  switch (parameter.dataType) {
    case DataType::String:
    case DataType::Secret:
      text = std::string(parameter.value.view());
      break;
    case DataType::Int:
      text = intText(parameter);
      break;
    case DataType::Float:
      text = floatText(parameter);
      break;
    case DataType::Bool:
      text = boolText(parameter);
      break;
    case DataType::Json:
    case DataType::JsonArray:
      text = jsonText(parameter);
      break;
  }
  common::SecretString literal = common::SecretString::adopt(std::move(text));
  checkAzureAccepts(literal.view(), parameter);
  return literal;
}

void LiteralValueText::checkAzureAccepts(std::string_view text, const core::Parameter& parameter) {
  if (text.empty()) refuse(parameter, "is empty; Azure ML refuses empty literal inputs");
  for (const char c : text)
    if (common::ascii::isWordChar(c)) return;
  refuse(parameter, "has no letter, digit or underscore; Azure ML refuses such literal inputs");
}

}  // namespace aifoundry::azureml
