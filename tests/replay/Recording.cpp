#include "Recording.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "common/AsciiText.h"
#include "common/JsonView.h"

namespace replay {
namespace {

using aifoundry::common::JsonView;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open recording " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A body as the recorder stored it: JSON (object or array) as its text, a string as its content.
std::string bodyText(const std::optional<JsonView>& v) {
  if (!v || v->isNull()) return {};
  if (v->isString()) return v->text();
  return std::string(v->raw());
}

Headers headersOf(const std::optional<JsonView>& object) {
  Headers out;
  if (!object) return out;
  object->forEachMember([&](const std::string& name, JsonView value) {
    if (value.isArray())
      value.forEachElement([&](JsonView element) { out.emplace_back(name, element.text()); });
    else
      out.emplace_back(name, value.text());
  });
  return out;
}

std::string find(const Headers& headers, const std::string& name) {
  for (const auto& [key, value] : headers)
    if (aifoundry::common::ascii::iequals(key, name)) return value;
  return {};
}

Exchange pythonEntry(JsonView entry) {
  Exchange e;
  e.method = entry.member("RequestMethod")->text();
  e.uri = entry.member("RequestUri")->text();
  e.requestHeaders = headersOf(entry.member("RequestHeaders"));
  e.requestBody = bodyText(entry.member("RequestBody"));
  e.status = std::stoi(entry.member("StatusCode")->text());
  e.responseHeaders = headersOf(entry.member("ResponseHeaders"));
  e.responseBody = bodyText(entry.member("ResponseBody"));
  return e;
}

Exchange powershellEntry(JsonView entry) {
  Exchange e;
  const JsonView request = *entry.member("Request");
  const JsonView response = *entry.member("Response");
  e.method = request.member("Method")->text();
  e.uri = request.member("RequestUri")->text();
  e.requestHeaders = headersOf(request.member("Headers"));
  e.requestBody = bodyText(request.member("Content"));
  e.status = std::stoi(response.member("StatusCode")->text());
  e.responseHeaders = headersOf(response.member("Headers"));
  for (auto& header : headersOf(response.member("ContentHeaders")))
    e.responseHeaders.push_back(std::move(header));
  e.responseBody = bodyText(response.member("Content"));
  return e;
}

}  // namespace

std::string Exchange::path() const {
  std::string rest = uri;
  const auto scheme = rest.find("://");
  if (scheme != std::string::npos) rest = rest.substr(rest.find('/', scheme + 3));
  return rest.substr(0, rest.find('?'));
}

std::string Exchange::responseHeader(const std::string& name) const { return find(responseHeaders, name); }
std::string Exchange::requestHeader(const std::string& name) const { return find(requestHeaders, name); }

std::vector<Exchange> loadRecording(const std::string& fileName) {
  const std::string text = readFile(std::string(REPLAY_RECORDED_DIR) + "/" + fileName);
  const JsonView root = JsonView::parse(text, fileName);
  std::vector<Exchange> out;
  if (const auto entries = root.member("Entries")) {
    entries->forEachElement([&](JsonView entry) { out.push_back(pythonEntry(entry)); });
  } else {
    root.forEachMember([&](const std::string&, JsonView entry) { out.push_back(powershellEntry(entry)); });
  }
  if (out.empty()) throw std::runtime_error(fileName + " holds no exchanges");
  return out;
}

}  // namespace replay
