// Url: the one parse of a request's URL that the token check, the endpoint guard and the request line read.
// Strict about the authority (what a lying reply would bend), faithful with the path and query.
#include <gtest/gtest.h>

#include <string>

#include "http/HttpMessage.h"
#include "http/Url.h"

using namespace aifoundry::http;

namespace {

Url parsed(const std::string& text) {
  const auto url = Url::parse(text);
  EXPECT_TRUE(url.has_value()) << text;
  return url.value_or(Url{});
}

}  // namespace

TEST(UrlTest, TakesApartAnAzureUrl) {
  const Url url = parsed(
      "HTTPS://WestEurope.API.AzureML.ms/history/v1.0/subscriptions/s/runs/r%20x?api-version=1&$top=5#frag");
  EXPECT_EQ(url.scheme, "https");
  EXPECT_EQ(url.host, "westeurope.api.azureml.ms");
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.target, "/history/v1.0/subscriptions/s/runs/r%20x?api-version=1&$top=5");
  EXPECT_EQ(url.path, "/history/v1.0/subscriptions/s/runs/r%20x");
  EXPECT_EQ(url.authority(), "westeurope.api.azureml.ms");
  EXPECT_EQ(url.withoutQuery(), "https://westeurope.api.azureml.ms/history/v1.0/subscriptions/s/runs/r%20x");
}

TEST(UrlTest, PortsAndAddresses) {
  EXPECT_EQ(parsed("http://127.0.0.1:8080/x").port, 8080);
  EXPECT_EQ(parsed("http://127.0.0.1:8080/x").authority(), "127.0.0.1:8080");
  EXPECT_EQ(parsed("http://localhost").port, 80);
  EXPECT_EQ(parsed("http://localhost").target, "/");
  EXPECT_EQ(parsed("https://h?q=1").target, "/?q=1");
  const Url v6 = parsed("http://[::1]:9/p");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 9);
  EXPECT_EQ(v6.authority(), "[::1]:9");
}

TEST(UrlTest, HostileAuthoritiesAreNoUrlAtAll) {
  for (const std::string bad :
       {"", "management.azure.com/x", "https:///path", "://host/x", "https://user@evil.example/x",
        "https://management.azure.com@evil.example/x", "https://evil%2eexample/x", "https://ev il/x",
        "https://host:0/x", "https://host:65536/x", "https://host:12a/x", "https://host:/x",
        "https://a:1:2/x", "https://[::1/x", "https://[::1]x/", "https://[fe80::1%25eth0]/x",
        "https://host\r\nX-Injected: 1/x"})
    EXPECT_FALSE(Url::parse(bad).has_value()) << bad;
}

TEST(UrlTest, HostileBytesInThePathCannotReachTheRequestLineRaw) {
  const Url url = parsed("https://h/a b\r\nHost: evil/\x7f\xc3\xa9?q=\"<x>\"\t");
  EXPECT_EQ(url.target, "/a%20b%0D%0AHost:%20evil/%7F%C3%A9?q=%22%3Cx%3E%22%09");
  EXPECT_EQ(url.host, "h");
  // Every byte outside RFC 3986's set, first, last and side by side; what is inside it stays as it is.
  EXPECT_EQ(parsed("https://h/\\^`{|}").target, "/%5C%5E%60%7B%7C%7D");
  EXPECT_EQ(parsed("https://h?\x01").target, "/?%01");
  EXPECT_EQ(parsed("https://h/a-z_0.9~!$&'()*+,;=:@%2F?/").target, "/a-z_0.9~!$&'()*+,;=:@%2F?/");
}

TEST(UrlTest, ARequestsParseFollowsItsUrl) {
  HttpRequest request;
  request.url = "https://one.example/a";
  const Url* first = request.parsedUrl();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->host, "one.example");
  request.url = "https://two.example/b";
  ASSERT_NE(request.parsedUrl(), nullptr);
  EXPECT_EQ(request.parsedUrl()->host, "two.example");
  request.url = "https://user@two.example/b";
  EXPECT_EQ(request.parsedUrl(), nullptr);
  const HttpRequest copy = request;  // a copy re-checks its own url
  EXPECT_EQ(copy.parsedUrl(), nullptr);
}

// The rule for a link shown to a user (a run's Monitor URL, which can come from a reply): the URL parse and
// the loopback rule of requests, and nothing a terminal or a browser would act on.
TEST(UrlTest, OnlyHttpsLinksAreShowableAndPlainHttpOnlyToLoopbackWhenAllowed) {
  for (const char* url :
       {"https://ml.azure.com/runs/r?wsid=/x", "HTTPS://ml.azure.com/runs/r", "https://[::1]:8443/r"}) {
    EXPECT_TRUE(isShowableLink(url, false)) << url;
  }
  for (const char* url : {"http://127.0.0.1:9000/runs/r", "http://localhost/r", "http://[::1]:9/r",
                          "http://127.1.2.3/r", "http://[0:0:0:0:0:0:0:1]/r", "http://LOCALHOST:8/r"}) {
    EXPECT_TRUE(isShowableLink(url, true)) << url;
    EXPECT_FALSE(isShowableLink(url, false)) << url;
  }
  for (const char* url :
       {"javascript:alert(1)", "JavaScript://ml.azure.com/%0aalert(1)", "data:text/html,x",
        "file:///etc/passwd", "ftp://ml.azure.com/r", "http://ml.azure.com/r",
        "http://127.0.0.1.evil.example/r", "http://user@evil.example/r", "https://user@ml.azure.com/r",
        "https://ml.azure.com@evil.example/r", "https://", "https:///r", "https://ml.azure.com/r x",
        "https://ml.azure.com/\x1b[2J", "https://ml.azure.com/\xc2\x9b", "https://ml.azure.com:99999/r",
        "//ml.azure.com/r", "ml.azure.com/r", ""}) {
    EXPECT_FALSE(isShowableLink(url, true)) << url;
  }
}
