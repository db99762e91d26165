#include "arm/http/TlsContextFactory.h"

#include <Poco/File.h>

#include "arm/http/HttpError.h"
#include "arm/http/Redactor.h"
#include "arm/http/TransportOptions.h"

namespace aifoundry::arm {

namespace {
constexpr const char* kSystemCaDirectory = "/etc/ssl/certs";

bool readable(const std::string& path) {
    try {
        Poco::File file(path);
        return file.exists() && file.canRead();
    } catch (...) {
        return false;
    }
}
}  // namespace

Poco::Net::Context::Ptr makeClientTlsContext(const std::string& caBundlePath) {
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.verificationDepth = 9;
    if (caBundlePath.empty()) {
        params.loadDefaultCAs = true;
        if (readable(kSystemCaDirectory)) params.caLocation = kSystemCaDirectory;
    } else {
        if (!readable(caBundlePath))
            throwError(ErrorReason::InvalidSettings, "setting '" + std::string(settings::kCaBundlePath) + "' names '" +
                                                         caBundlePath + "', which does not exist or cannot be read");
        params.caLocation = caBundlePath;
        params.loadDefaultCAs = false;
    }
    try {
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        return context;
    } catch (const Poco::Exception& e) {
        throwError(ErrorReason::InvalidSettings, "cannot set up TLS with '" + std::string(settings::kCaBundlePath) +
                                                     "': " + Redactor::redact(oneLine(e.displayText())) +
                                                     "; it must be a PEM file of CA certificates");
    }
}

}  // namespace aifoundry::arm
