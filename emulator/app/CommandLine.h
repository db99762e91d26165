// CommandLine: the azureml-emulator command line, parsed into EmulatorOptions plus start-up actions.
#pragma once

#include <string>
#include <vector>

#include "azureml_emulator/Emulator.h"

namespace azureml_emulator {

struct CommandLine {
  EmulatorOptions options;
  std::string portFile;              // written with the port once listening
  std::string readyFile;             // written with the base URL once listening
  std::vector<std::string> faults;   // ROUTE:SPEC
  std::vector<std::string> clients;  // TENANT:ID:SECRET
  size_t generateJobs = 0;
  std::string generateFrom = "train-pipeline-template";
  size_t generateSteps = 0;
  bool help = false;

  // Throws std::invalid_argument with a one-line reason.
  static CommandLine parse(int argc, char** argv);
  static const char* usage();
};

}  // namespace azureml_emulator
