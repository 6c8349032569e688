# Minimal image: the app on its offline engine. (A later issue completes this: non-root user,
# health check, AWS settings.) The aspnet:10.0 runtime image is Debian 12, so the apt line is the
# one scripts/setup.sh runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/TranscribeBlazor -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libpocketsphinx3 pocketsphinx-en-us ffmpeg \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "TranscribeBlazor.dll"]
