#include "http/TransportOptions.h"

#include "common/SettingNames.h"

namespace aifoundry::http {

TransportOptions TransportOptions::fromAttributes(const Attributes& attributes) {
  AttributeReader reader(attributes);
  TransportOptions options;
  options.caBundlePath = reader.textOr(common::settings::kCaBundlePath, "");
  options.allowPlainHttpToLoopback = reader.flag(common::settings::kAllowPlainHttpToLoopback, false);
  options.readTimeout = reader.seconds(common::settings::kRequestTimeoutSeconds, options.readTimeout, 3600);
  return options;
}

}  // namespace aifoundry::http
