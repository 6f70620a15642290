#include "CommandLine.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("creditmtl-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CREDITMTL_VERSION));
    return cmtl::runCommandLine(QCoreApplication::arguments(), std::cout, std::cerr);
}
