// Fuzz target: the workspace resource (GET {arm}/.../workspaces/{ws}) and the service discovery document
// (GET properties.discoveryUrl) -> WorkspaceDecoder, then the Run History URL built from the history host.
// The same text is fed to both decoders (seeds are workspaces and discovery documents).
// Invariants: a value or AzureMlError (one line); valid JSON always decodes as a workspace (lenient on
// shape); discoveryUrl has no surrounding whitespace; a history host is never empty and has no trailing '/';
// a Run History URL built from it starts with http(s):// and holds no space or control byte.
// The URL parser every request goes through (http::Url) is fed the raw text, the discovery URL and the built
// Run History URL: what it accepts has a host of plain characters, a request target with no space or control
// byte, no user information, and parses again to the same origin and target.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzCheck.h"
#include "azureml/AzureMlError.h"
#include "azureml/WorkspaceDecoder.h"
#include "azureml/WorkspaceRef.h"
#include "azureml/WorkspaceUrls.h"
#include "common/AsciiText.h"
#include "common/JsonView.h"
#include "http/Url.h"

using namespace aifoundry::azureml;

namespace {

const WorkspaceUrls& urls() {
  static const WorkspaceUrls value(
      "https://management.azure.com",
      WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace"));
  return value;
}

void checkUrl(const std::string& text) {
  const auto url = aifoundry::http::Url::parse(text);
  if (!url) return;
  FUZZ_CHECK(!url->host.empty(), "a URL with an empty host was accepted");
  for (const char c : url->host) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == ':';
    FUZZ_CHECK(plain, "an accepted host holds a character no host has: " + url->host);
  }
  FUZZ_CHECK(!url->target.empty() && url->target.front() == '/', "a request target not starting with '/'");
  for (const char c : url->target)
    FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f,
               "a space, control or non-ASCII byte in a request target");
  FUZZ_CHECK(url->authority().find('@') == std::string::npos, "user information kept in the authority");
  if (url->scheme != "http" && url->scheme != "https") return;
  const auto again = aifoundry::http::Url::parse(url->scheme + "://" + url->authority() + url->target);
  FUZZ_CHECK(again && again->host == url->host && again->port == url->port && again->target == url->target,
             "a URL does not parse again to the same origin and target: " + text.substr(0, 200));
}

void checkHistoryUrl(const std::string& host) {
  try {
    const std::string url = urls().runHistoryRunUrl(aifoundry::azureml::HistoryHost(host), "run-1");
    checkUrl(url);
    FUZZ_CHECK(aifoundry::common::ascii::istartsWith(url, "https://") ||
                   aifoundry::common::ascii::istartsWith(url, "http://"),
               "Run History URL without an http(s) scheme: " + url);
    for (const char c : url)
      FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7f,
                 "space or control byte in a Run History URL");
    FUZZ_CHECK(
        url.find("/history/v1.0/subscriptions/00000000-1111-2222-3333-444444444444/") != std::string::npos,
        "Run History URL without the workspace path: " + url);
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(e.code() == errc::InvalidSetting, "a bad history host is not InvalidSetting");
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = aifoundry::common::JsonView::isValid(text);
  checkUrl(std::string(text));
  try {
    const WorkspaceInfo info = WorkspaceDecoder::decode(text);
    FUZZ_CHECK(valid, "WorkspaceDecoder accepted text that aifoundry::common::JsonView::isValid refuses");
    FUZZ_CHECK(aifoundry::common::ascii::trim(info.discoveryUrl).size() == info.discoveryUrl.size(),
               "discoveryUrl keeps surrounding whitespace");
    checkUrl(info.discoveryUrl);
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(!valid, "valid JSON was refused as a workspace");
    FUZZ_CHECK(e.code() == errc::InvalidJson, "workspace error is not InvalidJson");
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  try {
    const std::string host = WorkspaceDecoder::runHistoryHost(text);
    FUZZ_CHECK(valid, "runHistoryHost accepted text that aifoundry::common::JsonView::isValid refuses");
    FUZZ_CHECK(!host.empty(), "empty history host accepted");
    FUZZ_CHECK(host.back() != '/', "history host ends with '/'");
    checkHistoryUrl(host);
  } catch (const AzureMlError& e) {
    FUZZ_CHECK(e.code() == errc::InvalidJson, "discovery error is not InvalidJson");
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
  }
  return 0;
}
