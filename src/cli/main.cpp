// The ahaki-check executable: a thin shell over the library.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return ahaki::cli::run(argc, argv); }
