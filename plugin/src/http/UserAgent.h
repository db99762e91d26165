// The User-Agent of every request: "polysync-aifoundry-pipeline/<version> Poco/<version> (<os> <release>;
// <arch>)".
#pragma once

#include <string>

namespace aifoundry::http {

std::string defaultUserAgent();

}  // namespace aifoundry::http
