// polysync-host-stub: see CommandOptions.h for the command line and ResultJson.h for the --json documents.
#include <Poco/AutoPtr.h>
#include <Poco/Util/OptionException.h>

#include <cstdio>
#include <cstring>

#include "HostStubApp.h"
#include "polysync_host/CommandOptions.h"
#include "polysync_host/CommandRunner.h"
#include "polysync_host/ExitCodes.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/ResultText.h"
#include "polysync_host/TerminalText.h"

int main(int argc, char** argv) {
  using namespace polysync::host;
  // --json must shape even an option error, which Poco reports before any option is handled.
  bool json = false;
  for (int i = 1; i < argc && std::strcmp(argv[i], "--") != 0; ++i)
    json = json || std::strncmp(argv[i], "--json", 6) == 0;

  Poco::AutoPtr<HostStubApp> app = new HostStubApp;
  try {
    try {
      app->init(argc, argv);
    } catch (const Poco::Util::OptionException&) {
      rethrowOptionError();
    }
  } catch (...) {
    const Failure failure = currentFailure();
    writeOutcome(CommandOutcome{failure.exitCode, json ? errorJson(failure) + "\n" : "", errorText(failure)},
                 json);
    return failure.exitCode;
  }
  return app->run();
}
