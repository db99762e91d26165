// azureml-emulator: runs the Azure stand-in until SIGINT/SIGTERM. Prints one line when ready.
#include <csignal>
#include <fstream>
#include <iostream>

#include "CommandLine.h"
#include "azureml_emulator/Emulator.h"

using namespace azureml_emulator;

namespace {

void writeFile(const std::string& path, const std::string& text) {
  if (path.empty()) return;
  // Write then rename, so a watcher never reads a half-written file.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text << "\n";
    if (!out) throw std::runtime_error("cannot write '" + path + "'");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    throw std::runtime_error("cannot write '" + path + "'");
}

void registerClient(Emulator& emulator, const std::string& spec) {
  const size_t first = spec.find(':');
  const size_t second = first == std::string::npos ? first : spec.find(':', first + 1);
  if (second == std::string::npos)
    throw std::invalid_argument("--client '" + spec + "' must look like TENANT:CLIENT_ID:SECRET");
  emulator.registerClientSecret(spec.substr(0, first), spec.substr(first + 1, second - first - 1),
                                spec.substr(second + 1));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const CommandLine cl = CommandLine::parse(argc, argv);
    if (cl.help) {
      std::cout << CommandLine::usage();
      return 0;
    }
    // Block the stop signals before any thread exists, so only sigwait below sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Emulator emulator(cl.options);
    for (const auto& fault : cl.faults) emulator.faults().add(Fault::parse(fault));
    for (const auto& client : cl.clients) registerClient(emulator, client);
    if (cl.generateSteps > 0) emulator.workspace().generateLargeTemplate(cl.generateSteps);
    if (cl.generateJobs > 0) emulator.workspace().generateJobs(cl.generateJobs, cl.generateFrom);
    emulator.start();
    writeFile(cl.portFile, std::to_string(emulator.port()));
    writeFile(cl.readyFile, emulator.baseUrl());
    std::cout << "azureml-emulator ready at " << emulator.baseUrl() << " (workspace "
              << emulator.workspaceArmId() << ", " << emulator.workspace().jobCount() << " jobs"
              << (cl.options.https ? ", CA certificate " + emulator.caCertPath() : std::string()) << ")"
              << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    emulator.stop();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "azureml-emulator: " << e.what() << std::endl;
    return 2;
  }
}
