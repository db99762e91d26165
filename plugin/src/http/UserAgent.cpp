#include "http/UserAgent.h"

#include <Poco/Environment.h>
#include <Poco/Version.h>

#ifndef AIFOUNDRY_VERSION
#define AIFOUNDRY_VERSION "0.0.0"
#endif

namespace aifoundry::http {

std::string defaultUserAgent() {
  const unsigned v = POCO_VERSION;
  const std::string poco = std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 0xFFu) + "." +
                           std::to_string((v >> 8) & 0xFFu);
  return std::string("polysync-aifoundry-pipeline/") + AIFOUNDRY_VERSION + " Poco/" + poco + " (" +
         Poco::Environment::osName() + " " + Poco::Environment::osVersion() + "; " +
         Poco::Environment::osArchitecture() + ")";
}

}  // namespace aifoundry::http
