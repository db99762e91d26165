// PercentEncoding: RFC 3986 percent-encoding for one URL path segment or one query value (everything but the
// unreserved characters A-Z a-z 0-9 - . _ ~ is encoded, so '/', '?', '&', '#', '%' and spaces cannot change
// the URL's structure). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace aifoundry::common {

std::string percentEncode(std::string_view text);

}  // namespace aifoundry::common
