#include "http/TransportOptions.h"

namespace aifoundry::http {

TransportOptions TransportOptions::fromAttributes(const Attributes& attributes) {
  AttributeReader reader(attributes);
  TransportOptions options;
  options.caBundlePath = reader.textOr(settings::kCaBundlePath, "");
  options.allowPlainHttpToLoopback = reader.flag(settings::kAllowPlainHttpToLoopback, false);
  options.readTimeout = reader.seconds(settings::kRequestTimeoutSeconds, options.readTimeout, 3600);
  return options;
}

}  // namespace aifoundry::http
