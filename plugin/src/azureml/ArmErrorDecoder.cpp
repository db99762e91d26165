#include "azureml/ArmErrorDecoder.h"

#include <optional>

#include "azureml/AsciiText.h"
#include "azureml/JsonView.h"

namespace aifoundry::azureml {
namespace {

std::string firstLine(std::string_view s) {
  const std::size_t nl = s.find_first_of("\r\n");
  return ascii::oneLine(s.substr(0, nl), ArmErrorDecoder::kMaxMessage);
}

void decodeArm(JsonView error, ArmError& e) {
  e.structured = true;
  e.topCode = ascii::oneLine(textOf(error.member("code")), 200);
  e.topMessage = ascii::oneLine(textOf(error.member("message")), ArmErrorDecoder::kMaxMessage);
  e.target = ascii::oneLine(textOf(error.member("target")), 200);
  if (const auto details = error.member("details"); details && details->isArray()) {
    bool first = true;
    details->forEachElement([&](JsonView d) {
      if (!first || !d.isObject()) return;
      first = false;
      e.detailCode = ascii::oneLine(textOf(d.member("code")), 200);
      e.detailMessage = ascii::oneLine(textOf(d.member("message")), ArmErrorDecoder::kMaxMessage);
    });
  }
  // innerError chains are bounded by the validated depth; walk them iteratively.
  std::optional<JsonView> inner = error.member("innerError");
  for (int hops = 0; inner && inner->isObject() && hops < 64; ++hops) {
    if (std::string c = textOf(inner->member("code")); !c.empty()) e.innerCode = ascii::oneLine(c, 200);
    inner = inner->member("innerError");
  }
  const bool preferDetail = !e.detailCode.empty() && ArmErrorDecoder::isGenericCode(e.topCode);
  e.code = preferDetail ? e.detailCode : e.topCode;
  e.message =
      (preferDetail || e.topMessage.empty()) && !e.detailMessage.empty() ? e.detailMessage : e.topMessage;
}

void decodeEntra(JsonView root, const std::string& oauthError, ArmError& e) {
  e.structured = true;
  e.topCode = ascii::oneLine(oauthError, 200);
  const std::string description = textOf(root.member("error_description"));
  e.topMessage = firstLine(description);
  e.message = e.topMessage.empty() ? e.topCode : e.topMessage;
  e.traceId = ascii::oneLine(textOf(root.member("trace_id")), 100);
  e.correlationId = ascii::oneLine(textOf(root.member("correlation_id")), 100);
  // "AADSTS7000215: ..." names the precise failure; error_codes carries the same number.
  std::size_t n = 0;
  if (ascii::istartsWith(description, "AADSTS")) {
    n = 6;
    while (n < description.size() && description[n] >= '0' && description[n] <= '9') ++n;
  }
  if (n > 6) {
    e.code = description.substr(0, n);
  } else if (const auto codes = root.member("error_codes"); codes && codes->isArray() && codes->size() > 0) {
    codes->forEachElement([&](JsonView c) {
      if (e.code.empty() && c.kind() == JsonView::Kind::Number) e.code = "AADSTS" + std::string(c.raw());
    });
  }
  if (e.code.empty()) e.code = e.topCode;
}

}  // namespace

bool ArmErrorDecoder::isGenericCode(std::string_view code) {
  for (const char* generic :
       {"", "BadRequest", "UserError", "SystemError", "ServiceError", "InternalServerError",
        "InvalidRequestContent", "ValidationError", "BadArgument", "Error", "Conflict",
        "MultipleErrorsOccurred", "DeploymentFailed"})
    if (ascii::iequals(code, generic)) return true;
  return false;
}

ArmError ArmErrorDecoder::decode(std::string_view body) {
  ArmError e;
  std::optional<JsonView> root;
  try {
    root = JsonView::parse(body, "error body");
  } catch (...) {  // not JSON (or out of memory): fall back to the text
    root.reset();
  }
  if (root && root->isObject()) {
    const auto error = root->member("error");
    if (error && error->isObject()) {
      decodeArm(*error, e);
    } else if (error && error->isString()) {
      decodeEntra(*root, error->text(), e);
    } else if (root->member("code") || root->member("message")) {
      decodeArm(*root, e);  // some data-plane services omit the envelope
    }
  }
  if (!e.structured) e.message = ascii::oneLine(ascii::trim(body), kMaxMessage);
  return e;
}

std::string ArmError::summary() const {
  std::string out = code.empty() ? message : message.empty() ? code : code + ": " + message;
  if (!target.empty()) out += " (target: " + target + ")";
  return out;
}

}  // namespace aifoundry::azureml
