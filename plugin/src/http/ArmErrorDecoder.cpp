#include "http/ArmErrorDecoder.h"

#include <optional>

#include "common/AsciiText.h"
#include "common/JsonView.h"

namespace aifoundry::http {
namespace {

std::string firstLine(std::string_view s) {
  const std::size_t nl = s.find_first_of("\r\n");
  return common::ascii::oneLine(s.substr(0, nl), ArmErrorDecoder::kMaxMessage);
}

void decodeArm(common::JsonView error, ArmError& e) {
  e.structured = true;
  e.topCode = common::ascii::oneLine(common::textOf(error.member("code")), 200);
  e.topMessage =
      common::ascii::oneLine(common::textOf(error.member("message")), ArmErrorDecoder::kMaxMessage);
  e.target = common::ascii::oneLine(common::textOf(error.member("target")), 200);
  if (const auto details = error.member("details"); details && details->isArray()) {
    bool first = true;
    details->forEachElement([&](common::JsonView d) {
      if (!first || !d.isObject()) return;
      first = false;
      e.detailCode = common::ascii::oneLine(common::textOf(d.member("code")), 200);
      e.detailMessage =
          common::ascii::oneLine(common::textOf(d.member("message")), ArmErrorDecoder::kMaxMessage);
    });
  }
  // innerError chains are bounded by the validated depth; walk them iteratively.
  std::optional<common::JsonView> inner = error.member("innerError");
  for (int hops = 0; inner && inner->isObject() && hops < 64; ++hops) {
    if (std::string c = common::textOf(inner->member("code")); !c.empty())
      e.innerCode = common::ascii::oneLine(c, 200);
    inner = inner->member("innerError");
  }
  const bool preferDetail = !e.detailCode.empty() && ArmErrorDecoder::isGenericCode(e.topCode);
  e.code = preferDetail ? e.detailCode : e.topCode;
  e.message =
      (preferDetail || e.topMessage.empty()) && !e.detailMessage.empty() ? e.detailMessage : e.topMessage;
}

void decodeEntra(common::JsonView root, const std::string& oauthError, ArmError& e) {
  e.structured = true;
  e.topCode = common::ascii::oneLine(oauthError, 200);
  const std::string description = common::textOf(root.member("error_description"));
  e.topMessage = firstLine(description);
  e.message = e.topMessage.empty() ? e.topCode : e.topMessage;
  e.traceId = common::ascii::oneLine(common::textOf(root.member("trace_id")), 100);
  e.correlationId = common::ascii::oneLine(common::textOf(root.member("correlation_id")), 100);
  // "AADSTS7000215: ..." names the precise failure; error_codes carries the same number.
  std::size_t n = 0;
  if (common::ascii::istartsWith(description, "AADSTS")) {
    n = 6;
    while (n < description.size() && description[n] >= '0' && description[n] <= '9') ++n;
  }
  if (n > 6) {
    e.code = description.substr(0, n);
  } else if (const auto codes = root.member("error_codes"); codes && codes->isArray() && codes->size() > 0) {
    codes->forEachElement([&](common::JsonView c) {
      if (e.code.empty() && c.kind() == common::JsonView::Kind::Number)
        e.code = "AADSTS" + std::string(c.raw());
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
    if (common::ascii::iequals(code, generic)) return true;
  return false;
}

ArmError ArmErrorDecoder::decode(std::string_view body) {
  ArmError e;
  std::optional<common::JsonView> root;
  try {
    root = common::JsonView::parse(body, "error body");
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
  if (!e.structured) e.message = common::ascii::oneLine(common::ascii::trim(body), kMaxMessage);
  return e;
}

std::string ArmError::summary() const {
  std::string out = code.empty() ? message : message.empty() ? code : code + ": " + message;
  if (!target.empty()) out += " (target: " + target + ")";
  return out;
}

}  // namespace aifoundry::http
